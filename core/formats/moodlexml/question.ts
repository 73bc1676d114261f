import { LIMITS } from '../../sets/limits.ts';
import type { Ctx } from '../gift/context.ts';
import type { ParsedQuestion } from '../gift/block-result.ts';
import type { KindFields, QuestionDraft } from '../gift/types.ts';
import { drop, refuse, type XCtx } from './context.ts';
import { readMultichoice, readTrueFalse } from './kinds-choice.ts';
import { readMatching, readOrdering } from './kinds-arrange.ts';
import { readChoiceGaps, readMultianswer } from './kinds-gaps.ts';
import { readEssay, readNumericalQuestion, readShortAnswer } from './kinds-typed.ts';
import { formatOf, rich, richRequired } from './text.ts';
import { child, children, field, type XNode } from './xml.ts';

/** What became of one question of the file: its name and Moodle type, and our type and id, or why it was skipped. */
export interface QuestionReport {
  name: string;
  moodleType: string;
  type?: string;
  id?: string;
  skipped?: string;
}

export type QuestionRead =
  | { kind: 'question'; parsed: Omit<ParsedQuestion, 'idAt' | 'line'>; report: QuestionReport }
  | { kind: 'passage'; text: Record<string, string>; report: QuestionReport }
  | { kind: 'none'; report: QuestionReport };

type Fields = KindFields & { prompt?: Record<string, string> };

/** Our kind for each Moodle type we read; the others are skipped with a reason. */
const READERS: Record<string, (ctx: XCtx, q: XNode) => Fields | undefined> = {
  multichoice: readMultichoice,
  truefalse: readTrueFalse,
  shortanswer: readShortAnswer,
  numerical: readNumericalQuestion,
  matching: readMatching,
  essay: readEssay,
  cloze: readMultianswer,
  multianswer: readMultianswer,
  gapselect: (ctx, q) => readChoiceGaps(ctx, q, 'gapselect'),
  ddwtos: (ctx, q) => readChoiceGaps(ctx, q, 'ddwtos'),
  ordering: readOrdering,
};

const GRAMMAR_TAG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Reads one `<question>` (not a category): a question, a passage (`description`), or nothing (skipped or refused). */
export function readQuestion(base: Ctx, q: XNode, files: XCtx['files'], index: number): QuestionRead {
  const moodleType = (q['@type'] as string | undefined) ?? '';
  const name = field(child(q, 'name'), 'text') || `question ${index + 1}`;
  const ctx: XCtx = { ...base, files, name, textFormat: formatOf(child(q, 'questiontext'), 'moodle') };
  const report: QuestionReport = { name, moodleType };
  if (moodleType === 'description') {
    report.type = 'passage';
    return {
      kind: 'passage',
      text: withLegacyImage(ctx, q, richRequired(ctx, child(q, 'questiontext'), 'the text', LIMITS.longTextChars)),
      report,
    };
  }
  const reader = READERS[moodleType];
  if (!reader) {
    report.skipped = `Moodle's "${moodleType}" questions have no counterpart here, so it was skipped.`;
    drop(ctx, report.skipped);
    return { kind: 'none', report };
  }
  const problems = ctx.problems.length;
  const fields = reader(ctx, q);
  if (!fields || ctx.problems.length > problems) return { kind: 'none', report };
  report.type = fields.type;
  const { prompt: own, ...kind } = fields;
  const prompt = withLegacyImage(ctx, q, own ?? richRequired(ctx, child(q, 'questiontext'), 'the question text', LIMITS.longTextChars));
  const moodleId = field(q, 'idnumber') || undefined;
  const question = { ...kind, ...common(ctx, q, name), prompt } as QuestionDraft;
  return { kind: 'question', parsed: { question, title: name, explicitId: undefined, moodleId }, report };
}

/** What every kind has: name, general feedback (the explanation), combined feedback, and tags that name grammar. */
function common(ctx: XCtx, q: XNode, name: string) {
  if (name.length > LIMITS.titleChars) refuse(ctx, `its name is ${name.length} characters long; the limit is ${LIMITS.titleChars}.`);
  const explanation = rich(ctx, child(q, 'generalfeedback'));
  const outcome = {
    correct: rich(ctx, child(q, 'correctfeedback')),
    partial: rich(ctx, child(q, 'partiallycorrectfeedback')),
    incorrect: rich(ctx, child(q, 'incorrectfeedback')),
  };
  const outcomeFeedback = Object.fromEntries(Object.entries(outcome).filter(([, v]) => v !== undefined));
  const tags = children(child(q, 'tags'), 'tag').map((t) => field(t, 'text') ?? '');
  const grammar = tags.filter((t) => GRAMMAR_TAG.test(t)).slice(0, 10);
  const dropped = tags.filter((t) => !grammar.includes(t));
  if (dropped.length)
    drop(
      ctx,
      `the tags ${dropped.map((t) => `"${t}"`).join(', ')} were left out (tags here are lowercase grammar goals such as "relative-clause", at most 10).`,
    );
  return {
    title: name,
    ...(explanation ? { explanation } : {}),
    ...(Object.keys(outcomeFeedback).length ? { outcomeFeedback } : {}),
    ...(grammar.length ? { grammar } : {}),
  };
}

/** Moodle 1.9's `<image>` with `<image_base64>`: a picture shown with the question, after its text. */
function withLegacyImage(ctx: XCtx, q: XNode, text: Record<string, string>): Record<string, string> {
  const file = ctx.files.get(q);
  if (!file || typeof file === 'string') return text;
  return Object.fromEntries(Object.entries(text).map(([l, t]) => [l, `${t}<br><img src="/media/${file.hash}" alt="">`]));
}
