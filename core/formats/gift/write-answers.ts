// The answer block (`{…}`) of each question kind as GIFT writes it.
import { assertNever } from '../../quiz/kinds/assert-never.ts';
import type { GapOf, Question, QuestionOf } from '../../quiz/schema.ts';
import { num, percent } from '../shared/weights.ts';
import { generalFeedback, noteChoiceIds, Skip, type GiftWriting } from './write-context.ts';
import { gapBlock } from './write-missing-word.ts';

/** The block after a question's text (a missing-word question's goes inside its text). */
export function answerBlock(w: GiftWriting, q: Question): string {
  switch (q.type) {
    case 'essay':
      return q.explanation ? `{####${w.loc(q.explanation)}}` : '{}';
    case 'truefalse':
      return trueFalseBlock(w, q);
    case 'single':
      return singleBlock(w, q);
    case 'multiple':
      return multipleBlock(w, q);
    case 'short':
      return shortBlock(w, q);
    case 'match':
      return matchBlock(w, q);
    case 'numerical':
      return numericalBlock(w, q);
    case 'cloze':
      return gapBlock(w, q, q.gaps[0] as GapOf<'text'>);
    case 'order':
      throw new Skip('GIFT has no ordering questions');
    case 'dictation':
      throw new Skip('GIFT has no dictation questions (JSON keeps them)');
    default:
      return assertNever(q);
  }
}

/** `{TRUE#wrong#right####general}`: the feedback for a wrong answer comes first. */
function trueFalseBlock(w: GiftWriting, q: QuestionOf<'truefalse'>): string {
  const wrong = q.feedback?.wrong ? w.loc(q.feedback.wrong) : '';
  const right = q.feedback?.right ? w.loc(q.feedback.right) : '';
  const fb = right ? `#${wrong}#${right}` : wrong ? `#${wrong}` : '';
  return `{${q.answer ? 'TRUE' : 'FALSE'}${fb}${q.explanation ? `####${w.loc(q.explanation)}` : ''}}`;
}

function singleBlock(w: GiftWriting, q: QuestionOf<'single'>): string {
  noteChoiceIds(
    w,
    q,
    q.choices.map((c) => c.id),
  );
  const lines = q.choices.map((c) => {
    const mark = c.correct ? '=' : c.credit ? `~%${percent(c.credit)}%` : '~';
    return `\t${mark}${w.loc(c.text)}${c.feedback ? `#${w.loc(c.feedback)}` : ''}\n`;
  });
  return `{\n${lines.join('')}${generalFeedback(w, q)}}`;
}

function multipleBlock(w: GiftWriting, q: QuestionOf<'multiple'>): string {
  noteChoiceIds(
    w,
    q,
    q.choices.map((c) => c.id),
  );
  const lines = q.choices.map((c) => `\t~%${percent(c.weight)}%${w.loc(c.text)}${c.feedback ? `#${w.loc(c.feedback)}` : ''}\n`);
  return `{\n${lines.join('')}${generalFeedback(w, q)}}`;
}

/** Accepted answers, once for every language where their lists agree (see perLanguage). */
function shortBlock(w: GiftWriting, q: QuestionOf<'short'>): string {
  const entries = w.perLanguage(
    q.answers,
    (a) => a.text,
    (a, b) => a.weight === b.weight && (a.feedback ?? '') === (b.feedback ?? ''),
  );
  const lines = entries.map(({ item, text }) => {
    const weight = item.weight === 1 ? '' : `%${percent(item.weight)}%`;
    return `\t=${weight}${text}${item.feedback ? `#${w.richOne(item.feedback)}` : ''}\n`;
  });
  return `{\n${lines.join('')}${generalFeedback(w, q)}}`;
}

function matchBlock(w: GiftWriting, q: QuestionOf<'match'>): string {
  // The right side has no format of its own (Moodle reads it as written): no `[moodle]` guard.
  const lines = q.pairs.map((p) => `\t=${w.loc(p.left)} -> ${w.plainLoc(p.right)}\n`);
  for (const d of q.distractors ?? []) lines.push(`\t= -> ${w.plainLoc(d)}\n`);
  return `{\n${lines.join('')}${generalFeedback(w, q)}}`;
}

type NumericalValue = { answer?: number | undefined; tolerance: number; min?: number | undefined; max?: number | undefined };
/** `1822:2` (a value and its tolerance) or `1820..1824` (a range). */
const numericalValue = (v: NumericalValue) =>
  v.answer !== undefined ? `${num(v.answer)}:${num(v.tolerance)}` : `${num(v.min!)}..${num(v.max!)}`;

function numericalBlock(w: GiftWriting, q: QuestionOf<'numerical'>): string {
  const lines = [`\t=${numericalValue(q)}${q.answerFeedback ? `#${w.loc(q.answerFeedback)}` : ''}\n`];
  for (const a of q.alternatives ?? [])
    lines.push(
      `\t=${a.weight === 1 ? '' : `%${percent(a.weight)}%`}${numericalValue(a)}${a.feedback ? `#${w.richOne(a.feedback)}` : ''}\n`,
    );
  if (q.otherFeedback) lines.push(`\t~#${w.loc(q.otherFeedback)}\n`);
  return `{#\n${lines.join('')}${generalFeedback(w, q)}}`;
}
