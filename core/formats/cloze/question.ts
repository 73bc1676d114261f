import { concat, find, literal, sub, type Src } from '../shared/source.ts';
import { problem, type Ctx } from '../gift/context.ts';
import { LIMITS } from '../../sets/limits.ts';
import { checkLength, localize, readText } from '../gift/text.ts';
import { CLOZE_START } from './cloze-types.ts';
import { readSubquestion } from './subquestion.ts';
import type { ClozeFields, GapInput } from './types.ts';

/** The blank shown in a cloze question's prompt in place of each gap (as Moodle shows a missing word). */
export const BLANK = '_____';
const mark = (i: number) => `\uE000${i}\uE000`;

/** Whether a text (escapes resolved) holds Moodle's embedded answers: a `{` followed by `n:TYPE:`. */
export function hasEmbeddedAnswers(t: Src): boolean {
  for (let i = find(t, '{'); i >= 0; i = find(t, '{', i + 1)) if (CLOZE_START.test(t.s.slice(i + 1))) return true;
  return false;
}

/** The gap id of the n-th embedded answer (0-based). */
export const gapId = (i: number) => `g${i + 1}`;

/**
 * Reads a text with embedded answers (`… {1:MC:~=a~b} …`) into a cloze question: the text with `{{g1}}`, `{{g2}}`, …
 * marks, a prompt with blanks, and one gap per answer. Every `{` must start an embedded answer and every `}`
 * end one (write `\{` and `\}` for literal braces). Undefined when there are problems (all reported).
 */
export function readClozeText(
  ctx: Ctx,
  t: Src,
  fmt: string,
): (Omit<ClozeFields, 'caseSensitive' | 'typoTolerance'> & { prompt: Record<string, string> }) | undefined {
  const cut = cutAnswers(ctx, t);
  if (!cut) return undefined;
  const { pieces, bodies } = cut;
  const read = readText(ctx, concat(...pieces), fmt);
  if (read.refused) return undefined; // its problem is reported; the stand-in text has no gaps to check
  const byLang = localize(ctx, read.lt, 'rich', Infinity); // checked below, as the text and prompt made of it
  let ok = true;
  const gaps: GapInput[] = [];
  for (const [i, b] of bodies.entries()) {
    const gap = readSubquestion(ctx, b.body, gapId(i), b.open, read.fmt);
    if (gap) gaps.push(gap);
    else ok = false;
  }
  const marked = markedTexts(ctx, byLang, bodies);
  // The prompt is no longer than the text (a blank is shorter than a gap's mark): one check says it once.
  checkLength(ctx, read.lt.at, marked.text, LIMITS.longTextChars);
  return ok && marked.ok ? { type: 'cloze', text: marked.text, prompt: marked.prompt, gaps } : undefined;
}

type Body = { body: Src; open: number };

/**
 * The text cut at its embedded answers: the pieces between them (each answer replaced by a numbered mark) and
 * the answers' bodies. Undefined when a brace is out of place (all such problems reported).
 */
function cutAnswers(ctx: Ctx, t: Src): { pieces: Src[]; bodies: Body[] } | undefined {
  const pieces: Src[] = [];
  const bodies: Body[] = [];
  let from = 0;
  let ok = true;
  for (let open = find(t, '{'); open >= 0; open = find(t, '{', from)) {
    const close = find(t, '}', open + 1);
    const stray = find(t, '}', from);
    if (stray >= 0 && stray < open) {
      problem(ctx, t.at[stray]!, 'this "}" closes no embedded answer (write \\} for a literal brace).');
      ok = false;
    }
    if (close < 0) {
      problem(ctx, t.at[open]!, 'this "{" is never closed: an embedded answer ends with "}" (write \\{ for a literal brace).');
      return undefined;
    }
    const body = sub(t, open + 1, close);
    ok = checkBody(ctx, body, t.at[open]!) && ok;
    pieces.push(sub(t, from, open), literal(mark(bodies.length), t.at[open]!));
    bodies.push({ body, open: t.at[open]! });
    from = close + 1;
  }
  const stray = find(t, '}', from);
  if (stray >= 0) {
    problem(ctx, t.at[stray]!, 'this "}" closes no embedded answer (write \\} for a literal brace).');
    ok = false;
  }
  pieces.push(sub(t, from));
  return ok ? { pieces, bodies } : undefined;
}

/** An answer's body holds no `{` and starts as an embedded answer does (`1:MC:`). */
function checkBody(ctx: Ctx, body: Src, openAt: number): boolean {
  const inner = find(body, '{');
  if (inner >= 0) {
    problem(ctx, body.at[inner]!, 'a "{" inside an embedded answer: it ends at the first "}" (write \\{ and \\} for literal braces).');
    return false;
  }
  if (!CLOZE_START.test(body.s)) {
    problem(
      ctx,
      openAt,
      `"{${body.s.length > 30 ? `${body.s.slice(0, 30)}…` : body.s}}" is not an embedded answer: in a question with embedded answers every {…} must be one, such as {1:SA:=answer} or {1:MC:=right~wrong} (write \\{ and \\} for literal braces).`,
    );
    return false;
  }
  return true;
}

/** The text with `{{g1}}` marks and the prompt with blanks, in every language; each must have every gap, in order. */
function markedTexts(ctx: Ctx, byLang: Record<string, string>, bodies: readonly Body[]) {
  let ok = true;
  const text: Record<string, string> = {};
  const prompt: Record<string, string> = {};
  for (const [lang, value] of Object.entries(byLang)) {
    const order = [...value.matchAll(/\uE000(\d+)\uE000/g)].map((m) => Number(m[1]));
    if (order.length !== bodies.length || order.some((n, i) => n !== i)) {
      problem(
        ctx,
        bodies[0]!.open,
        `the embedded answers sit inside multilang spans, so the text in "${lang}" lacks some: put every {…} outside the spans.`,
      );
      ok = false;
    }
    text[lang] = value.replace(/\uE000(\d+)\uE000/g, (_, n: string) => `{{${gapId(Number(n))}}}`);
    prompt[lang] = value.replace(/\uE000(\d+)\uE000/g, BLANK);
  }
  return { text, prompt, ok };
}
