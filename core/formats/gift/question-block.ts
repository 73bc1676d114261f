import { concat, find, findLast, literal, pos, sub, trim, type Src } from '../shared/source.ts';
import { readEmbeddedQuestion } from '../cloze/block.ts';
import { BLANK, hasEmbeddedAnswers } from '../cloze/question.ts';
import { readAnswers, type Directives } from './answer-block.ts';
import type { GiftBlock } from './blocks.ts';
import { problem, warn, type Ctx } from './context.ts';
import { GAP_ID } from './kinds/missing-word.ts';
import { LIMITS, tooLong } from '../../sets/limits.ts';
import { checkLength, isEmpty, localize, readText } from './text.ts';
import type { QuestionDraft } from './types.ts';
import { parsed, readTitle, type BlockResult } from './block-result.ts';

export { BLANK };
/** Stands for the gap while the question text is converted. */
const SENTINEL = '\uE000gap\uE000';
const CLOZE_SYNTAX =
  /^\s*\d*\s*:\s*(MULTICHOICE|MULTICHOICE_[A-Z]+|MC|MCV|MCH|MCS|MCVS|MCHS|SHORTANSWER|SHORTANSWER_C|SA|MW|SAC|MWC|NUMERICAL|NM|MULTIRESPONSE|MULTIRESPONSE_[A-Z]+|MR|MRH|MRS|MRHS)\s*:/i;

/** Reads one block: `$CATEGORY`, `::title::`, the text and its first `{…}` answer block. */
export function readQuestionBlock(ctx: Ctx, { text, directives, moodleId }: GiftBlock): BlockResult {
  let t = text;
  const firstLine = ctx.where(pos(t)).line;
  if (t.s.startsWith('$CATEGORY:')) return readCategory(ctx, t);
  let title: string | undefined;
  ({ title, t } = readTitle(ctx, t));
  // A name and nothing else is no question; Moodle skips it, and so do we, saying so.
  if (title !== undefined && t.s === '') {
    warn(ctx, pos(text), `"::${title}::" has a name but no text or answers; it was skipped.`);
    return { kind: 'none' };
  }

  // Moodle's Cloze (embedded answers) inside a GIFT question, as teachers write it: every {…} is a gap.
  if (hasEmbeddedAnswers(t)) return readEmbeddedQuestion(ctx, t, { title, directives, moodleId, line: firstLine });

  const braces = findAnswerBlock(ctx, t);
  if (braces === 'passage') return readPassage(ctx, t, firstLine);
  if (!braces) return { kind: 'none' };
  const openAt = t.at[braces.open]!;
  const block = trim(sub(t, braces.open + 1, braces.close));
  if (CLOZE_SYNTAX.test(block.s)) {
    problem(
      ctx,
      openAt,
      `"{${block.s.length > 30 ? `${block.s.slice(0, 30)}…` : block.s}}" looks like an embedded answer (Cloze), but Moodle reads those only with the type in capitals, e.g. {1:MC:=right~wrong}.`,
    );
    return { kind: 'none' };
  }
  const question = readQuestion(ctx, { t, ...braces, block, title, directives });
  return question ? { kind: 'question', parsed: parsed(question, title, directives, moodleId, pos(t), firstLine) } : { kind: 'none' };
}

/** `$CATEGORY: path`, alone in its block. */
function readCategory(ctx: Ctx, t: Src): BlockResult {
  const nl = t.s.indexOf('\n');
  if (nl >= 0) problem(ctx, t.at[nl + 1] ?? pos(t), '"$CATEGORY:" must stand alone: leave a blank line between it and the next question.');
  const path = t.s.slice('$CATEGORY:'.length, nl >= 0 ? nl : undefined).trim();
  if (path.length > LIMITS.textChars) problem(ctx, pos(t), `this category ${tooLong(path.length, LIMITS.textChars)}.`);
  return { kind: 'category', path };
}

/** A text without answers: a description, which the set keeps as a reading passage. */
function readPassage(ctx: Ctx, t: Src, line: number): BlockResult {
  const lt = readText(ctx, t, 'moodle').lt;
  if (isEmpty(lt)) problem(ctx, pos(t), 'this text (a description, as it has no answers in {…}) is empty.');
  return { kind: 'passage', text: localize(ctx, lt, 'rich', LIMITS.longTextChars), line };
}

/** Where the answer block is in a question's text. */
interface Braces {
  open: number;
  close: number;
  /** A second block or a stray brace after it: reported, and the question is read for its problems only. */
  structural: boolean;
}

/**
 * The answer block: from the first unescaped `{` to the next unescaped `}`. `passage` when the text has no
 * braces at all, null when they are unusable (a problem is reported).
 */
function findAnswerBlock(ctx: Ctx, t: Src): Braces | 'passage' | null {
  const open = find(t, '{');
  const firstClose = find(t, '}');
  if (open < 0 && firstClose < 0) return 'passage';
  if (open < 0 || (firstClose >= 0 && firstClose < open)) {
    problem(ctx, t.at[firstClose]!, 'this "}" has no "{" before it (write \\} for a literal brace).');
    return null;
  }
  const close = find(t, '}', open + 1);
  if (close < 0) {
    problem(ctx, t.at[open]!, 'this "{" is never closed: the answers must end with "}" (write \\{ for a literal brace).');
    return null;
  }
  const nested = find(t, '{', open + 1);
  if (nested >= 0 && nested < close) {
    problem(ctx, t.at[nested]!, 'a "{" inside the answers: they end at the first "}" (write \\{ for a literal brace).');
    return null;
  }
  let structural = false;
  const second = find(t, '{', close + 1);
  if (second >= 0) {
    problem(
      ctx,
      t.at[second]!,
      'a second answer block "{" in the same question: GIFT takes only the first {…} as the answers and Moodle would show the rest as text. For several gaps in one question write every gap as an embedded answer, e.g. {1:SA:=word} or {1:MC:=right~wrong}; else make one question per answer block, or write \\{ and \\} for literal braces.',
    );
    structural = true;
  }
  const stray = find(t, '}', close + 1);
  if (stray >= 0 && (second < 0 || stray < second)) {
    problem(ctx, t.at[stray]!, 'this "}" has no "{" before it (write \\} for a literal brace).');
    structural = true;
  }
  return { open, close, structural };
}

/**
 * The question around its answer block: the text (with the gap marked when text follows the block), the
 * answers, the general feedback after `####`. Null when a problem leaves nothing to import.
 */
function readQuestion(
  ctx: Ctx,
  {
    t,
    open,
    close,
    structural,
    block: answers,
    title,
    directives,
  }: Braces & { t: Src; block: Src; title: string | undefined; directives: Directives },
): QuestionDraft | null {
  const openAt = t.at[open]!;
  const before = sub(t, 0, open);
  const after = sub(t, close + 1);
  const missingWord = after.s.trim() !== '';
  const { block, general } = splitGeneralFeedback(answers);

  // The question text, with the gap marked; its format is the default for answers and feedback.
  const sentinel = literal(SENTINEL, openAt);
  const { lt: stem, fmt } = readText(ctx, missingWord ? concat(before, sentinel, after) : before, 'moodle');
  if (structural) return null;

  const fields = readAnswers(ctx, { block, open: openAt, fmt, missingWord, directives });
  const explanationLt = general && trim(general).s !== '' ? readText(ctx, general, fmt).lt : undefined;
  const explanation = explanationLt ? localize(ctx, explanationLt) : undefined;
  const textByLang = localize(ctx, stem, 'rich', Infinity); // checked below, as the prompt and text made of it
  if (!fields) return null;

  const { prompt, clozeText } = gapTexts(ctx, textByLang, missingWord, openAt);
  if (!missingWord && Object.values(prompt).every((p) => p === '')) problem(ctx, pos(t), 'this question has no text.');
  checkLength(ctx, stem.at, fields.type === 'cloze' ? clozeText : prompt, LIMITS.longTextChars);

  const common = {
    ...(title !== undefined ? { title } : {}),
    prompt,
    ...(explanation ? { explanation } : {}),
    ...(directives.sources ? { sources: directives.sources } : {}),
  };
  // The kind's fields first (type leads), so that stored sets read well.
  return (fields.type === 'cloze' ? { ...fields, ...common, text: clozeText } : { ...fields, ...common }) as QuestionDraft;
}

/** General feedback: after the last `####` of the answer block. */
function splitGeneralFeedback(block: Src): { block: Src; general: Src | undefined } {
  const gf = findLast(block, '####');
  return gf >= 0 ? { block: trim(sub(block, 0, gf)), general: sub(block, gf + 4) } : { block, general: undefined };
}

/** The prompt (the gap as a blank) and the cloze text (the gap as its mark) in every language. */
function gapTexts(ctx: Ctx, textByLang: Record<string, string>, missingWord: boolean, openAt: number) {
  const prompt: Record<string, string> = {};
  const clozeText: Record<string, string> = {};
  for (const [lang, value] of Object.entries(textByLang)) {
    if (missingWord && value.split(SENTINEL).length !== 2) {
      problem(
        ctx,
        openAt,
        `the answers {…} sit inside a multilang span, so the text in "${lang}" has no gap: put the {…} outside the spans.`,
      );
    }
    prompt[lang] = value.split(SENTINEL).join(BLANK);
    clozeText[lang] = value.split(SENTINEL).join(`{{${GAP_ID}}}`);
  }
  return { prompt, clozeText };
}
