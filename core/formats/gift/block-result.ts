// What reading one block gives (GIFT's and Cloze's readers alike), and the two steps both share: the
// leading `::title::` and a question with what gives it its id.
import { find, pos, sub, trim, type Src } from '../shared/source.ts';
import { LIMITS, tooLong } from '../../sets/limits.ts';
import type { GiftBlock } from './blocks.ts';
import { problem, warn, type Ctx } from './context.ts';
import type { QuestionDraft } from './types.ts';

/** A question as read from its block, before it has an id. */
export interface ParsedQuestion {
  question: QuestionDraft;
  title: string | undefined;
  explicitId: string | undefined;
  moodleId: string | undefined;
  idAt: number;
  line: number;
}

/** What one block is: a category switch, a passage (description), a question, or nothing (problems reported). */
export type BlockResult =
  | { kind: 'category'; path: string }
  | { kind: 'passage'; text: Record<string, string>; line: number }
  | { kind: 'question'; parsed: ParsedQuestion }
  | { kind: 'none' };

/** A question as read, with what gives it its id. */
export function parsed(
  question: QuestionDraft,
  title: string | undefined,
  directives: GiftBlock['directives'],
  moodleId: GiftBlock['moodleId'],
  at: number,
  line: number,
): ParsedQuestion {
  return { question, title, explicitId: directives.id?.value, moodleId: moodleId?.value, idAt: directives.id?.at ?? at, line };
}

/** A leading `::Title::` (GIFT and Cloze files alike) and the text after it. */
export function readTitle(ctx: Ctx, text: Src): { title: string | undefined; t: Src } {
  if (find(text, '::') !== 0) return { title: undefined, t: text };
  const end = find(text, '::', 2);
  if (end < 0) {
    warn(ctx, pos(text), 'the title has no closing "::"; it was read as part of the question text.');
    return { title: undefined, t: trim(sub(text, 2)) };
  }
  const title = sub(text, 2, end).s.trim();
  if (title.length > LIMITS.titleChars) problem(ctx, pos(text), `this title ${tooLong(title.length, LIMITS.titleChars)}.`);
  return { title: title || undefined, t: trim(sub(text, end + 2)) };
}
