import { pos, type Src } from '../shared/source.ts';
import { IMPORT_TYPO_TOLERANCE } from '../gift/answer-block.ts';
import type { GiftBlock } from '../gift/blocks.ts';
import { problem, type Ctx } from '../gift/context.ts';
import { parsed, readTitle, type BlockResult } from '../gift/block-result.ts';
import type { QuestionDraft } from '../gift/types.ts';
import { hasEmbeddedAnswers, readClozeText } from './question.ts';

/** What gives a question its title and id, read before its text. */
interface Meta {
  title: string | undefined;
  directives: GiftBlock['directives'];
  moodleId: GiftBlock['moodleId'];
  line: number;
}

/** A question text with embedded answers (a Cloze block, or a GIFT question written with them) as a cloze question. */
export function readEmbeddedQuestion(ctx: Ctx, t: Src, { title, directives, moodleId, line }: Meta): BlockResult {
  const read = readClozeText(ctx, t, 'moodle');
  if (!read) return { kind: 'none' };
  const { prompt, ...fields } = read;
  const question: QuestionDraft = {
    ...fields,
    // Moodle compares typed answers exactly, apart from case (SAC gaps count it): no typo allowance on import.
    caseSensitive: directives.caseSensitive ?? false,
    typoTolerance: directives.typoTolerance ?? IMPORT_TYPO_TOLERANCE,
    ...(title !== undefined ? { title } : {}),
    prompt,
    ...(directives.sources ? { sources: directives.sources } : {}),
  };
  return { kind: 'question', parsed: parsed(question, title, directives, moodleId, pos(t), line) };
}

/** One block of a Cloze file: an optional `::title::` and a text with at least one embedded answer. */
export function readClozeBlock(ctx: Ctx, { text, directives, moodleId }: GiftBlock): BlockResult {
  const line = ctx.where(pos(text)).line;
  const { title, t } = readTitle(ctx, text);
  if (!hasEmbeddedAnswers(t)) {
    problem(
      ctx,
      pos(t),
      'this question has no embedded answers: write each gap as {1:SA:=answer}, {1:MC:=right~wrong}, {1:NM:=1822:2}, …, and leave a blank line between questions.',
    );
    return { kind: 'none' };
  }
  return readEmbeddedQuestion(ctx, t, { title, directives, moodleId, line });
}
