// CSV for spreadsheets and R: RFC 4180 quoting, a header row, UTF-8 with a byte-order mark (so Excel reads
// umlauts right; R's readr and Python's csv with utf-8-sig drop it).
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import type { AttemptSelection, ScoreMatrix, StreamedScores } from '../stores/results-store.ts';
import type { Report } from '../../core/stats/report.ts';
import { buildReport, reportScoreRows, type ReportedQuiz } from './results-report.ts';

/**
 * One cell. A text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would run as a formula in a
 * spreadsheet (CSV injection): as OWASP recommends, it gets a leading `'` and is quoted. Numbers we compute
 * (a discrimination index of -0.5) are not text anyone wrote: they stay numbers, so a spreadsheet can sum them.
 */
export const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return s !== v || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvLine = (r: Array<string | number | null>) => `${r.map(csvCell).join(',')}\r\n`;
const csv = (rows: Array<Array<string | number | null>>) => `\ufeff${rows.map(csvLine).join('')}`;
/** Lines per chunk of a streamed CSV: a few dozen KiB, few enough chunks for a million rows. */
const LINES_PER_CHUNK = 500;

/** One row per question: its figures. */
export function questionsCsv(r: Report): string {
  return csv([
    ['question', 'type', 'prompt', 'n', 'facility', 'sd', 'discrimination_index', 'discriminative_efficiency'],
    ...r.questions.map((q) => [q.id, q.type, q.prompt, q.n, q.facility, q.sd, q.discriminationIndex, q.discriminativeEfficiency]),
  ]);
}

/** One row per attempt (numbered, no learner), one column per question; empty where the attempt lacked it. */
export function scoresCsv(m: ScoreMatrix): string {
  return csv([['attempt', ...m.questionIds], ...m.rows.map((row, i) => [i + 1, ...row])]);
}

/**
 * The same CSV as `scoresCsv`, byte for byte, as a stream: rows are read (a page of each shard at a time) only
 * as the client takes them, so a million attempts never sit in memory.
 */
export function scoresCsvStream(m: StreamedScores): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = m.rows[Symbol.asyncIterator]();
  let n = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\ufeff${csvLine(['attempt', ...m.questionIds])}`));
    },
    async pull(controller) {
      let text = '';
      for (let i = 0; i < LINES_PER_CHUNK; i++) {
        const next = await rows.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += csvLine([++n, ...next.value]);
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await rows.return?.();
    },
  });
}

/** The CSV download of a quiz's report (the API's and the page's): `questions` figures or the `scores` matrix. */
export async function csvResponse(
  c: Context<AppEnv>,
  quiz: ReportedQuiz,
  table: 'questions' | 'scores',
  attempts: AttemptSelection,
  lang: string,
) {
  const body =
    table === 'scores'
      ? scoresCsvStream(await reportScoreRows(c.env, quiz, attempts))
      : questionsCsv(await buildReport(c.env, quiz, attempts, lang));
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${quiz.quizId}-${table}-${attempts}.csv"`);
  return c.body(body);
}
