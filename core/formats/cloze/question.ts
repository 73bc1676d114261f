import { concat, find, literal, sub, type Src } from '../shared/source.ts';
import { problem, type Ctx } from '../gift/context.ts';
import { LIMITS } from '../../sets/limits.ts';
import { checkLength, localize, readText } from '../gift/text.ts';
import { CLOZE_START, readSubquestion } from './subquestion.ts';
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
  const pieces: Src[] = [];
  const bodies: Array<{ body: Src; open: number }> = [];
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
    const inner = find(body, '{');
    if (inner >= 0) {
      problem(ctx, body.at[inner]!, 'a "{" inside an embedded answer: it ends at the first "}" (write \\{ and \\} for literal braces).');
      ok = false;
    } else if (!CLOZE_START.test(body.s)) {
      problem(
        ctx,
        t.at[open]!,
        `"{${body.s.length > 30 ? `${body.s.slice(0, 30)}…` : body.s}}" is not an embedded answer: in a question with embedded answers every {…} must be one, such as {1:SA:=answer} or {1:MC:=right~wrong} (write \\{ and \\} for literal braces).`,
      );
      ok = false;
    }
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
  if (!ok) return undefined;

  const read = readText(ctx, concat(...pieces), fmt);
  if (read.refused) return undefined; // its problem is reported; the stand-in text has no gaps to check
  const byLang = localize(ctx, read.lt, 'rich', Infinity); // checked below, as the text and prompt made of it
  const gaps: GapInput[] = [];
  for (const [i, b] of bodies.entries()) {
    const gap = readSubquestion(ctx, b.body, gapId(i), b.open, read.fmt);
    if (gap) gaps.push(gap);
    else ok = false;
  }
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
  // The prompt is no longer than the text (a blank is shorter than a gap's mark): one check says it once.
  checkLength(ctx, read.lt.at, text, LIMITS.longTextChars);
  return ok ? { type: 'cloze', text, prompt, gaps } : undefined;
}
