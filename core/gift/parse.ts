import { htmlToText, splitMultilang } from './html-text.ts';
import type { GiftImport, GiftOptions, GiftProblem } from './types.ts';

/**
 * Reads a GIFT file the way Moodle's importer does (see /work/shared/GIFT.md), into our question model.
 *
 * Our own extensions live in comments, which Moodle ignores: `// @id <id>` (and `// @sources`,
 * `// @caseSensitive`, `// @typoTolerance`) in the comment lines that open a question's block, and
 * `// @title <lang>: <text>` anywhere for the set title.
 */

/** Moodle compares short answers exactly (apart from case): imported questions get no typo allowance. */
export const IMPORT_TYPO_TOLERANCE = false;
/** The blank Moodle shows in place of a missing word. */
export const BLANK = '_____';
/** The gap id of a missing-word question. */
export const GAP_ID = 'g1';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const FORMATS = new Set(['html', 'moodle', 'plain', 'markdown']);
/** Moodle's weight prefix: `%50%`, `%-33.3%`, `%100%`. */
const WEIGHT = /^%(-*[0-9]{1,2}\.?[0-9]*)%/;
/** Stands for the gap while the question text is converted. */
const SENTINEL = '\uE000gap\uE000';
const CLOZE_SYNTAX =
  /^\s*\d*\s*:\s*(MULTICHOICE|MULTICHOICE_[A-Z]+|MC|MCV|MCH|MCS|MCVS|MCHS|SHORTANSWER|SHORTANSWER_C|SA|MW|SAC|MWC|NUMERICAL|NM|MULTIRESPONSE|MULTIRESPONSE_[A-Z]+|MR|MRH|MRS|MRHS)\s*:/i;

// ---------------------------------------------------------------------------------------------------------
// Source text with escapes resolved: one character per unit, whether it was escaped, and where it is in the file.

interface Src {
  s: string;
  /** 1 where the character was escaped. */
  esc: Uint8Array;
  /** The file offset of each character. */
  at: Int32Array;
  /** File offset of the start, also when empty. */
  base: number;
}

/** A part of a text (views, not copies: a large block is cut into many pieces). */
function sub(t: Src, a: number, b = t.s.length): Src {
  const base = t.at[a] ?? (a > 0 && t.at[a - 1] !== undefined ? t.at[a - 1]! + 1 : t.base);
  return { s: t.s.slice(a, b), esc: t.esc.subarray(a, b), at: t.at.subarray(a, b), base };
}

function concat(...parts: Src[]): Src {
  const n = parts.reduce((sum, p) => sum + p.s.length, 0);
  const esc = new Uint8Array(n);
  const at = new Int32Array(n);
  let k = 0;
  for (const p of parts) {
    esc.set(p.esc, k);
    at.set(p.at, k);
    k += p.s.length;
  }
  return { s: parts.map((p) => p.s).join(''), esc, at, base: parts[0]?.base ?? 0 };
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

function trim(t: Src): Src {
  let a = 0;
  let b = t.s.length;
  while (a < b && isSpace(t.s[a])) a++;
  while (b > a && isSpace(t.s[b - 1])) b--;
  return sub(t, a, b);
}

/** Whether `needle`, made of unescaped characters, stands at `i`. */
function at(t: Src, needle: string, i: number): boolean {
  if (i < 0 || i + needle.length > t.s.length) return false;
  for (let k = 0; k < needle.length; k++) if (t.s[i + k] !== needle[k] || t.esc[i + k]) return false;
  return true;
}

/** Index of `needle` made of unescaped characters, from `from`; -1 if none. */
function find(t: Src, needle: string, from = 0): number {
  for (let i = t.s.indexOf(needle, from); i >= 0; i = t.s.indexOf(needle, i + 1)) if (at(t, needle, i)) return i;
  return -1;
}

function findLast(t: Src, needle: string): number {
  for (let i = t.s.lastIndexOf(needle); i >= 0; i = i > 0 ? t.s.lastIndexOf(needle, i - 1) : -1) if (at(t, needle, i)) return i;
  return -1;
}

/** Splits at every unescaped `ch`, dropping it. */
function split(t: Src, ch: string, limit = Infinity): Src[] {
  const out: Src[] = [];
  let start = 0;
  for (let i = 0; i < t.s.length && out.length < limit - 1; i++) {
    if (t.s[i] === ch && !t.esc[i]) {
      out.push(sub(t, start, i));
      start = i + 1;
    }
  }
  out.push(sub(t, start));
  return out;
}

const pos = (t: Src) => t.at[0] ?? t.base;

/** Resolves GIFT escapes in raw characters (`\\`, `\:`, `\#`, `\=`, `\{`, `\}`, `\~`, `\n`). */
function unescape(raw: string, at: ArrayLike<number>): Src {
  const chars: string[] = [];
  const esc = new Uint8Array(raw.length);
  const where = new Int32Array(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    const d = raw[i + 1];
    where[n] = at[i]!;
    if (c === '\\' && d !== undefined && (d === '\\' || ':#={}~'.includes(d) || d === 'n')) {
      chars.push(d === 'n' ? '\n' : d);
      esc[n++] = 1;
      i++;
      continue;
    }
    chars.push(c);
    n++;
  }
  return { s: chars.join(''), esc: esc.subarray(0, n), at: where.subarray(0, n), base: at[0] ?? 0 };
}

// ---------------------------------------------------------------------------------------------------------
// Texts in languages.

/** A text as read: plain (in the import language), or multilang with a text per complete language. */
type LText = { plain: true; text: string; at: number } | { plain: false; byLang: Record<string, string>; at: number };

interface Ctx {
  opts: GiftOptions;
  /** The set's languages (provisional in the first pass). */
  langs: readonly string[];
  found: Set<string>;
  problems: GiftProblem[];
  warnings: GiftProblem[];
  where: (offset: number) => { line: number; column: number };
}

const problem = (ctx: Ctx, offset: number, message: string) => ctx.problems.push({ ...ctx.where(offset), message });
const warn = (ctx: Ctx, offset: number, message: string) => ctx.warnings.push({ ...ctx.where(offset), message });

const REDUCED = 'HTML formatting was reduced to plain text.';
const list = (items: readonly string[]) => items.map((l) => `"${l}"`).join(', ');

/** Reads a text with an optional `[format]` prefix; `[html]` becomes plain text, with multilang spans per language. */
function readText(ctx: Ctx, raw: Src, fmt: string, prefix = true): { lt: LText; fmt: string } {
  let t = trim(raw);
  if (prefix && t.s[0] === '[') {
    const end = t.s.indexOf(']');
    const name = end > 0 ? t.s.slice(1, end) : '';
    if (FORMATS.has(name)) {
      fmt = name;
      t = trim(sub(t, end + 1));
    }
  }
  const at = pos(t);
  if (fmt !== 'html') return { lt: { plain: true, text: t.s, at }, fmt };

  const parts = splitMultilang(t.s);
  if (!parts) {
    const { text, reduced } = htmlToText(t.s);
    if (reduced) warn(ctx, at, REDUCED);
    return { lt: { plain: true, text, at }, fmt };
  }
  const groups = parts.filter((p) => p.kind === 'group');
  const mentioned = new Set<string>();
  for (const g of groups)
    for (const span of g.spans) {
      if (ctx.opts.languages.includes(span.lang)) {
        mentioned.add(span.lang);
        ctx.found.add(span.lang);
      } else
        problem(
          ctx,
          t.at[span.start] ?? at,
          `the language "${span.lang}" of this multilang span is not one of the course languages (${list(ctx.opts.languages)}).`,
        );
    }
  const byLang: Record<string, string> = {};
  let reduced = false;
  for (const lang of ctx.opts.languages) {
    if (!mentioned.has(lang) || !groups.every((g) => g.spans.some((s) => s.lang === lang))) continue;
    const html = parts.map((p) => (p.kind === 'text' ? p.html : p.spans.find((s) => s.lang === lang)!.html)).join('');
    const r = htmlToText(html);
    byLang[lang] = r.text;
    reduced ||= r.reduced;
  }
  if (reduced) warn(ctx, at, REDUCED);
  return { lt: { plain: false, byLang, at }, fmt };
}

/** A text in every set language; a multilang text that lacks one of them is a problem at the text. */
function localize(ctx: Ctx, lt: LText): Record<string, string> {
  // Moodle shows text without language marks to everyone, whatever their language: so do we ("China" is
  // "China" in both languages), rather than refusing it.
  if (lt.plain) return Object.fromEntries(ctx.langs.map((l) => [l, lt.text]));
  const out: Record<string, string> = {};
  const missing: string[] = [];
  for (const lang of ctx.langs) {
    const text = lt.byLang[lang];
    if (text === undefined) missing.push(lang);
    else out[lang] = text;
  }
  if (missing.length)
    problem(
      ctx,
      lt.at,
      `this text has no version in ${list(missing)}: the file uses multilang spans, so every text needs a <span lang="${missing[0]}" class="multilang">.`,
    );
  return out;
}

/** The languages an answer counts in: all of them for plain text, else the languages it has. */
function answerLangs(ctx: Ctx, lt: LText): Array<[string, string]> {
  if (lt.plain) return ctx.langs.map((l) => [l, lt.text]);
  return ctx.langs.filter((l) => lt.byLang[l] !== undefined).map((l) => [l, lt.byLang[l]!]);
}

/** A plain-string feedback: the import language's version of a bilingual text. */
function oneString(ctx: Ctx, lt: LText): string {
  if (lt.plain) return lt.text;
  return lt.byLang[ctx.opts.lang] ?? ctx.langs.map((l) => lt.byLang[l]).find((t) => t !== undefined) ?? Object.values(lt.byLang)[0] ?? '';
}

const isEmpty = (lt: LText) => (lt.plain ? lt.text === '' : Object.values(lt.byLang).every((t) => t === ''));

// ---------------------------------------------------------------------------------------------------------
// Answers.

interface Answer {
  weight: number;
  weightText: string;
  text: LText;
  feedback: LText | undefined;
  at: number;
}

/** Moodle's answer weight `%n%`, or undefined when there is none. */
function weightOf(t: Src): { weight: number; text: string; rest: Src } | undefined {
  const m = WEIGHT.exec(t.s);
  if (!m) return undefined;
  const end = t.s.indexOf('%', 1);
  const text = t.s.slice(1, end);
  // `e-2` rather than `/ 100`: the decimal is read exactly, so `%33.33333333333333%` is 1/3 to the last bit.
  const weight = Number(`${text.replace(/^-+/, '-')}e-2`);
  return { weight, text, rest: sub(t, end + 1) };
}

/** An answer's text and its `#feedback`. */
function comment(ctx: Ctx, t: Src, fmt: string): { text: LText; feedback: LText | undefined } {
  const [text, fb] = split(t, '#', 2);
  const feedback = fb && trim(fb).s !== '' ? readText(ctx, fb, fmt).lt : undefined;
  return { text: readText(ctx, text!, fmt).lt, feedback };
}

/** Drops empty pieces (Moodle drops an empty first piece; we are as lenient with the others). */
const pieces = (parts: Src[]) => parts.map(trim).filter((p) => p.s !== '');

/** Multiple-choice answers: every `=` starts an answer (Moodle turns `=` into `~=`), `~` separates them. */
function choicePieces(t: Src): Src[] {
  const out: Src[] = [];
  let start = 0;
  for (let i = 0; i < t.s.length; i++) {
    if (t.esc[i]) continue;
    if (t.s[i] === '~') {
      out.push(sub(t, start, i));
      start = i + 1;
    } else if (t.s[i] === '=') {
      out.push(sub(t, start, i));
      start = i;
    }
  }
  out.push(sub(t, start));
  return pieces(out);
}

function readChoices(ctx: Ctx, block: Src, fmt: string): Answer[] {
  return choicePieces(block).map((p) => {
    const at = pos(p);
    if (p.s[0] === '=' && !p.esc[0]) {
      const rest = trim(sub(p, 1));
      if (WEIGHT.test(rest.s))
        problem(
          ctx,
          at,
          `"=${WEIGHT.exec(rest.s)![0]}…": "=" always means 100 %; for partial credit write "~${WEIGHT.exec(rest.s)![0]}…".`,
        );
      return { weight: 1, weightText: '100', at, ...comment(ctx, rest, fmt) };
    }
    const w = weightOf(p);
    if (w) return { weight: w.weight, weightText: w.text, at, ...comment(ctx, w.rest, fmt) };
    return { weight: 0, weightText: '0', at, ...comment(ctx, p, fmt) };
  });
}

/** Short-answer and numerical answers: separated by `=`, each worth 100 % unless it has a `%weight%`. */
function readWeighted(ctx: Ctx, block: Src, fmt: string): Answer[] {
  return pieces(split(block, '=')).map((p) => {
    const at = pos(p);
    const w = weightOf(p);
    if (w) return { weight: w.weight, weightText: w.text, at, ...comment(ctx, w.rest, fmt) };
    return { weight: 1, weightText: '100', at, ...comment(ctx, p, fmt) };
  });
}

function checkWeight(ctx: Ctx, a: Answer, min: number): boolean {
  if (Number.isNaN(a.weight) || a.weight > 1 || a.weight < min) {
    problem(ctx, a.at, `the weight %${a.weightText}% is not possible here: weights go from ${min < 0 ? '-100' : '0'} % to 100 %.`);
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Questions.

interface Parsed {
  question: Record<string, unknown>;
  title: string | undefined;
  explicitId: string | undefined;
  idAt: number;
  line: number;
  category: string | undefined;
}

interface Directives {
  id?: { value: string; at: number };
  sources?: string[];
  caseSensitive?: boolean;
  typoTolerance?: boolean;
}

const TF = ['T', 'TRUE', 'F', 'FALSE'];

const asBool = (v: string) => (/^(true|yes|1)$/i.test(v) ? true : /^(false|no|0)$/i.test(v) ? false : undefined);

/** What sits in the braces, read into our model's type-specific fields. */
function readAnswers(
  ctx: Ctx,
  args: { block: Src; open: number; fmt: string; missingWord: boolean; directives: Directives },
): Record<string, unknown> | undefined {
  const { block, open, fmt, missingWord } = args;
  const s = block.s;
  const matching = {
    caseSensitive: args.directives.caseSensitive ?? false,
    typoTolerance: args.directives.typoTolerance ?? IMPORT_TYPO_TOLERANCE,
  };

  if (s === '') return { type: 'essay' };

  // True/false is the one type where "=" in the answers is harmless (its feedback may hold HTML attributes).
  const hash = find(block, '#');
  const tf = hash > 0 ? trim(sub(block, 0, hash)).s : s;
  const isTrueFalse =
    !(s[0] === '#' && !block.esc[0]) && find(block, '~') < 0 && !(find(block, '=') >= 0 && find(block, '->') >= 0) && TF.includes(tf);
  if (!isTrueFalse && equalsInTag(ctx, block)) return undefined;

  if (s[0] === '#' && !block.esc[0]) return readNumerical(ctx, sub(block, 1), open, fmt);

  if (find(block, '~') >= 0) {
    const answers = readChoices(ctx, block, fmt);
    if (answers.length < 2) {
      problem(
        ctx,
        open,
        answers.length
          ? 'this multiple-choice question has only one answer; it needs at least two.'
          : 'this multiple-choice question has no answers; it needs at least two.',
      );
      return undefined;
    }
    if (missingWord) return withMatching(readChoiceGap(ctx, answers, open), matching);
    return readMultipleChoice(ctx, answers, open, find(block, '=') >= 0);
  }

  if (find(block, '=') >= 0 && find(block, '->') >= 0) return readMatching(ctx, block, open, fmt);

  if (isTrueFalse) {
    const [, wrong, right] = split(block, '#', 3);
    const feedback: Record<string, unknown> = {};
    if (right && trim(right).s) feedback.right = localize(ctx, readText(ctx, right, fmt).lt);
    if (wrong && trim(wrong).s) feedback.wrong = localize(ctx, readText(ctx, wrong, fmt).lt);
    return { type: 'truefalse', answer: tf[0] === 'T', ...(Object.keys(feedback).length ? { feedback } : {}) };
  }

  const answers = readWeighted(ctx, block, fmt);
  if (!answers.length) {
    problem(ctx, open, 'this short-answer question has no answers: write them as {=answer =other answer}.');
    return undefined;
  }
  return withMatching(missingWord ? readTypedGap(ctx, answers, open) : readShort(ctx, answers, open), matching);
}

const withMatching = (fields: Record<string, unknown> | undefined, matching: Record<string, unknown>) =>
  fields ? { ...fields, ...matching } : undefined;

function readMultipleChoice(ctx: Ctx, answers: Answer[], open: number, single: boolean): Record<string, unknown> | undefined {
  let ok = true;
  const ids = answers.map((_, i) => choiceId(i));
  for (const a of answers) {
    if (!isEmpty(a.text)) continue;
    problem(ctx, a.at, 'this answer is empty.');
    ok = false;
  }
  if (single) {
    for (const a of answers) ok = checkWeight(ctx, a, -1) && ok;
    const right = answers.filter((a) => a.weight === 1);
    if (right.length > 1) {
      problem(
        ctx,
        open,
        `this question marks ${right.length} answers as right (= or %100%), but a question with "=" has exactly one right answer; for several right answers, give each a weight such as ~%50% and use no "=".`,
      );
      ok = false;
    }
    if (answers.some((a) => a.weight < 0))
      warn(ctx, open, 'negative weights were ignored: in a question with one right answer (=), a wrong choice scores 0.');
    if (!ok) return undefined;
    return {
      type: 'single',
      choices: answers.map((a, i) => ({
        id: ids[i],
        text: localize(ctx, a.text),
        ...(a.weight === 1 ? { correct: true } : {}),
        ...(a.weight > 0 && a.weight < 1 ? { credit: a.weight } : {}),
        ...(a.feedback ? { feedback: localize(ctx, a.feedback) } : {}),
      })),
    };
  }
  for (const a of answers) ok = checkWeight(ctx, a, -1) && ok;
  if (!ok) return undefined;
  const sum = answers.filter((a) => a.weight > 0).reduce((t, a) => t + a.weight, 0);
  if (sum === 0) {
    problem(ctx, open, 'no answer is marked as right: mark the right answer with "=", or give the right answers weights such as ~%50%.');
    return undefined;
  }
  if (Math.abs(sum - 1) > 0.001) {
    problem(
      ctx,
      open,
      `the weights of the right answers add up to ${Math.round(sum * 100000) / 1000} %; in a question with several right answers (no "=") they must add up to 100 %.`,
    );
    return undefined;
  }
  return {
    type: 'multiple',
    choices: answers.map((a, i) => ({
      id: ids[i],
      text: localize(ctx, a.text),
      weight: a.weight,
      ...(a.feedback ? { feedback: localize(ctx, a.feedback) } : {}),
    })),
  };
}

export const choiceId = (i: number) => (i < 26 ? String.fromCharCode(97 + i) : `c${i + 1}`);

function readShort(ctx: Ctx, answers: Answer[], open: number): Record<string, unknown> | undefined {
  let ok = true;
  const byLang: Record<string, Array<Record<string, unknown>>> = Object.fromEntries(ctx.langs.map((l) => [l, []]));
  for (const a of answers) {
    ok = checkWeight(ctx, a, 0) && ok;
    if (isEmpty(a.text)) {
      problem(ctx, a.at, 'this answer is empty.');
      ok = false;
    }
    const langs = answerLangs(ctx, a.text);
    if (!a.text.plain && !langs.length) {
      problem(ctx, a.at, `this answer has no version in ${list(ctx.langs)}.`);
      ok = false;
    }
    const feedback = a.feedback ? oneString(ctx, a.feedback) : '';
    for (const [lang, text] of langs) byLang[lang]!.push({ text, weight: a.weight, ...(feedback ? { feedback } : {}) });
  }
  for (const lang of ctx.langs) {
    if (!byLang[lang]!.some((a) => a.weight === 1)) {
      problem(
        ctx,
        open,
        ctx.langs.length > 1
          ? `none of the answers in "${lang}" is worth 100 %: give at least one answer without a weight (or with %100%).`
          : 'none of the answers is worth 100 %: give at least one answer without a weight (or with %100%).',
      );
      ok = false;
    }
  }
  return ok ? { type: 'short', answers: byLang } : undefined;
}

function readMatching(ctx: Ctx, block: Src, open: number, fmt: string): Record<string, unknown> | undefined {
  let ok = true;
  const pairs: Array<{ left: Record<string, string>; right: Record<string, string> }> = [];
  for (const p of pieces(split(block, '='))) {
    const arrow = find(p, '->');
    if (arrow < 0) {
      problem(ctx, pos(p), `"${p.s.length > 40 ? `${p.s.slice(0, 40)}…` : p.s}" has no "->": write each pair as =left -> right.`);
      ok = false;
      continue;
    }
    const left = readText(ctx, sub(p, 0, arrow), fmt).lt;
    const right = readText(ctx, sub(p, arrow + 2), fmt, false).lt;
    if (isEmpty(left)) {
      problem(
        ctx,
        pos(p),
        'a pair with nothing left of "->" is an extra wrong answer in Moodle; that is not supported here, so remove it.',
      );
      ok = false;
      continue;
    }
    if (isEmpty(right)) {
      problem(ctx, pos(p), 'this pair has nothing right of "->".');
      ok = false;
      continue;
    }
    pairs.push({ left: localize(ctx, left), right: localize(ctx, right) });
  }
  if (ok && pairs.length < 2) {
    problem(ctx, open, `this matching question has only ${pairs.length === 1 ? 'one pair' : 'no pairs'}; it needs at least two.`);
    ok = false;
  }
  return ok ? { type: 'match', pairs } : undefined;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function readNumerical(ctx: Ctx, block: Src, open: number, fmt: string): Record<string, unknown> | undefined {
  let ok = true;
  const tilde = find(block, '~');
  const main = tilde >= 0 ? sub(block, 0, tilde) : block;
  if (tilde >= 0 && trim(sub(block, tilde + 1)).s !== '')
    warn(
      ctx,
      pos(sub(block, tilde)),
      'the feedback for wrong answers (~#…) was not imported: numerical questions here have no such feedback.',
    );
  const answers = readWeighted(ctx, main, fmt);
  if (!answers.length) {
    problem(ctx, open, 'this numerical question has no answer: write it as {#1822} or {#1822:5} or {#1820..1830}.');
    return undefined;
  }
  type Value = { answer?: number; tolerance?: number; min?: number; max?: number };
  const values: Array<{ a: Answer; v: Value }> = [];
  for (const a of answers) {
    ok = checkWeight(ctx, a, -1) && ok;
    const raw = (a.text.plain ? a.text.text : oneString(ctx, a.text)).trim();
    const num = (x: string) => {
      const t = x.trim();
      if (!NUMBER.test(t)) {
        problem(
          ctx,
          a.at,
          `"${t}" is not a number: write a numerical answer as {#1822}, {#1822:5} (with a tolerance) or {#1820..1830} (a range).`,
        );
        ok = false;
        return NaN;
      }
      return Number(t);
    };
    const range = raw.indexOf('..');
    const colon = raw.indexOf(':');
    let v: Value;
    if (range > 0) {
      v = { min: num(raw.slice(0, range)), max: num(raw.slice(range + 2)) };
      if (v.min! > v.max!) {
        problem(ctx, a.at, `the range ${raw} is empty: write the smaller number first.`);
        ok = false;
      }
    } else if (colon > 0) {
      v = { answer: num(raw.slice(0, colon)), tolerance: num(raw.slice(colon + 1)) };
      if (v.tolerance! < 0) {
        problem(ctx, a.at, `the tolerance in "${raw}" is negative; write it without a minus sign.`);
        ok = false;
      }
    } else v = { answer: num(raw), tolerance: 0 };
    values.push({ a, v });
  }
  if (!ok) return undefined;
  const first = values.findIndex((x) => x.a.weight === 1);
  if (first < 0) {
    problem(ctx, open, 'none of the numerical answers is worth 100 %: give at least one answer without a weight (or with %100%).');
    return undefined;
  }
  const best = values[first]!;
  if (best.a.feedback && !isEmpty(best.a.feedback))
    warn(ctx, best.a.at, 'the feedback on the right answer was not imported: only answers with partial credit keep their feedback here.');
  const dropped = values.filter((x, i) => i !== first && x.a.weight <= 0);
  if (dropped.length)
    warn(
      ctx,
      dropped[0]!.a.at,
      'answers worth 0 % or less were not imported: a numerical answer here either gives credit or is not listed.',
    );
  const alternatives = values
    .filter((x, i) => i !== first && x.a.weight > 0)
    .map(({ a, v }) => {
      const feedback = a.feedback ? oneString(ctx, a.feedback) : '';
      return { ...v, weight: a.weight, ...(feedback ? { feedback } : {}) };
    });
  return { type: 'numerical', ...best.v, ...(alternatives.length ? { alternatives } : {}) };
}

/** A missing-word question with choices: one gap whose options are all answers, the `=` ones accepted. */
function readChoiceGap(ctx: Ctx, answers: Answer[], open: number): Record<string, unknown> | undefined {
  let ok = true;
  const options: Record<string, string[]> = Object.fromEntries(ctx.langs.map((l) => [l, []]));
  const accepted: Record<string, string[]> = Object.fromEntries(ctx.langs.map((l) => [l, []]));
  for (const a of answers) {
    ok = checkWeight(ctx, a, -1) && ok;
    if (a.weight > 0 && a.weight < 1) {
      problem(
        ctx,
        a.at,
        `partial credit in a missing-word gap is not supported (here %${a.weightText}%): an answer in the gap is either right (=) or wrong (~).`,
      );
      ok = false;
    }
    if (isEmpty(a.text)) {
      problem(ctx, a.at, 'this answer is empty.');
      ok = false;
    }
    for (const [lang, text] of answerLangs(ctx, a.text)) {
      options[lang]!.push(text);
      if (a.weight === 1) accepted[lang]!.push(text);
    }
  }
  if (answers.some((a) => a.weight < 0)) warn(ctx, open, 'negative weights were ignored: a wrong choice in a missing-word gap scores 0.');
  if (answers.some((a) => a.feedback && !isEmpty(a.feedback)))
    warn(ctx, open, 'the feedback on the answers of this missing-word question was not imported: gaps have no per-answer feedback here.');
  if (ok && !answers.some((a) => a.weight === 1)) {
    problem(ctx, open, 'this missing-word gap has no right answer: mark it with "=".');
    ok = false;
  }
  return ok ? { type: 'cloze', gaps: [{ id: GAP_ID, answers: accepted, options }] } : undefined;
}

/** A missing-word question with typed answers: one gap that accepts every answer worth 100 %. */
function readTypedGap(ctx: Ctx, answers: Answer[], open: number): Record<string, unknown> | undefined {
  let ok = true;
  const accepted: Record<string, string[]> = Object.fromEntries(ctx.langs.map((l) => [l, []]));
  let dropped = false;
  for (const a of answers) {
    ok = checkWeight(ctx, a, 0) && ok;
    if (a.weight > 0 && a.weight < 1) {
      problem(
        ctx,
        a.at,
        `partial credit in a missing-word gap is not supported (here %${a.weightText}%): an answer in the gap is either right or not listed.`,
      );
      ok = false;
    }
    if (isEmpty(a.text)) {
      problem(ctx, a.at, 'this answer is empty.');
      ok = false;
    }
    if (a.weight !== 1) {
      dropped = true;
      continue;
    }
    if (!a.text.plain ? false : a.text.text === '*') {
      problem(ctx, a.at, 'a "*" answer (anything) in a missing-word gap is not supported.');
      ok = false;
    }
    for (const [lang, text] of answerLangs(ctx, a.text)) accepted[lang]!.push(text);
  }
  if (dropped) warn(ctx, open, 'answers worth 0 % in this missing-word gap were not imported.');
  if (answers.some((a) => a.feedback && !isEmpty(a.feedback)))
    warn(ctx, open, 'the feedback on the answers of this missing-word question was not imported: gaps have no per-answer feedback here.');
  if (ok && !answers.some((a) => a.weight === 1)) {
    problem(ctx, open, 'none of the answers in this missing-word gap is worth 100 %.');
    ok = false;
  }
  return ok ? { type: 'cloze', gaps: [{ id: GAP_ID, answers: accepted }] } : undefined;
}

/**
 * An unescaped `=` inside an HTML tag with attributes on one line (`<span lang="de">`) would start an answer,
 * which is never what the author meant: a problem at it. True when there is one.
 */
function equalsInTag(ctx: Ctx, block: Src): boolean {
  for (const m of block.s.matchAll(/<[A-Za-z][A-Za-z0-9]*[ \t][^<>\n]*/g)) {
    if (block.s[m.index + m[0].length] !== '>') continue;
    for (let i = m.index; i < m.index + m[0].length; i++)
      if (block.s[i] === '=' && !block.esc[i]) {
        problem(
          ctx,
          block.at[i]!,
          'an unescaped "=" inside an HTML tag in the answers: there "=" starts a right answer, so write it as \\= (as Moodle\'s own export does).',
        );
        return true;
      }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// The file.

interface Block {
  /** Indices of the block's lines. */
  lines: number[];
}

function lastCategorySegment(path: string): string | undefined {
  const segments = path
    .split(/(?<!\/)\/(?!\/)/)
    .map((s) => s.replace(/\/\//g, '/').trim())
    .filter((s) => s && s !== 'top' && !/^\$[a-z]+\$$/i.test(s));
  return segments[segments.length - 1];
}

interface Pass {
  questions: Parsed[];
  passages: Array<{ afterQuestion: number; text: Record<string, string> }>;
  firstCategory: string | undefined;
  titles: Record<string, string>;
}

function readFile(text: string, ctx: Ctx): Pass {
  const lines = text.split(/\r\n|\n|\r/);
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }

  const blocks: Block[] = [];
  let current: number[] = [];
  lines.forEach((l, i) => {
    if (l.trim() === '') {
      if (current.length) blocks.push({ lines: current });
      current = [];
    } else current.push(i);
  });
  if (current.length) blocks.push({ lines: current });

  const out: Pass = { questions: [], passages: [], firstCategory: undefined, titles: {} };
  let category: string | undefined;

  for (const { lines: blockLines } of blocks) {
    const directives: Directives = {};
    const content: number[] = [];
    for (const i of blockLines) {
      const line = lines[i]!;
      const trimmed = line.trim();
      if (!trimmed.startsWith('//')) {
        content.push(i);
        continue;
      }
      const m = /^\/\/\s*@([A-Za-z]+)\b\s*(.*)$/.exec(trimmed);
      if (!m) continue;
      const key = m[1]!.toLowerCase();
      const raw = m[2]!;
      const value = unescape(raw, new Int32Array(raw.length)).s.trim();
      if (key === 'title') {
        const t = /^([a-z]{2})\s*:\s*([\s\S]*)$/.exec(value);
        if (t && !(t[1]! in out.titles) && t[2]!.trim()) out.titles[t[1]!] = t[2]!.trim();
        continue;
      }
      if (content.length) continue; // question directives open the block
      const at = starts[i]! + line.indexOf('@');
      if (key === 'id') directives.id = { value, at };
      else if (key === 'sources') directives.sources = value.split(/[\s,]+/).filter(Boolean);
      else if (key === 'casesensitive') {
        const b = asBool(value);
        if (b !== undefined) directives.caseSensitive = b;
      } else if (key === 'typotolerance') {
        const b = asBool(value);
        if (b !== undefined) directives.typoTolerance = b;
      }
    }
    if (!content.length) continue;

    // The block's text: its lines trimmed (as Moodle does) and joined, with escapes resolved.
    const bodies = content.map((i) => lines[i]!.trim());
    const raw = bodies.join('\n');
    const at = new Int32Array(raw.length);
    let k = 0;
    content.forEach((i, n) => {
      const line = lines[i]!;
      if (n > 0) at[k++] = starts[content[n - 1]!]! + lines[content[n - 1]!]!.trimEnd().length; // the line break
      const from = starts[i]! + line.length - line.trimStart().length;
      for (let j = 0; j < bodies[n]!.length; j++) at[k++] = from + j;
    });
    let t = trim(unescape(raw, at));
    const firstLine = ctx.where(pos(t)).line;

    if (t.s.startsWith('$CATEGORY:')) {
      const nl = t.s.indexOf('\n');
      if (nl >= 0)
        problem(ctx, t.at[nl + 1] ?? pos(t), '"$CATEGORY:" must stand alone: leave a blank line between it and the next question.');
      category = t.s.slice('$CATEGORY:'.length, nl >= 0 ? nl : undefined).trim();
      out.firstCategory ??= category;
      continue;
    }

    // ::Title::
    let title: string | undefined;
    if (find(t, '::') === 0) {
      const end = find(t, '::', 2);
      if (end < 0) {
        warn(ctx, pos(t), 'the title has no closing "::"; it was read as part of the question text.');
        t = trim(sub(t, 2));
      } else {
        title = sub(t, 2, end).s.trim() || undefined;
        t = trim(sub(t, end + 2));
      }
    }

    // The answer block: from the first unescaped `{` to the next unescaped `}`.
    const open = find(t, '{');
    const firstClose = find(t, '}');
    if (open < 0 && firstClose < 0) {
      const lt = readText(ctx, t, 'moodle').lt;
      if (isEmpty(lt)) problem(ctx, pos(t), 'this text (a description, as it has no answers in {…}) is empty.');
      out.passages.push({ afterQuestion: out.questions.length, text: localize(ctx, lt) });
      continue;
    }
    if (open < 0 || (firstClose >= 0 && firstClose < open)) {
      problem(ctx, t.at[firstClose]!, 'this "}" has no "{" before it (write \\} for a literal brace).');
      continue;
    }
    const close = find(t, '}', open + 1);
    if (close < 0) {
      problem(ctx, t.at[open]!, 'this "{" is never closed: the answers must end with "}" (write \\{ for a literal brace).');
      continue;
    }
    const nested = find(t, '{', open + 1);
    if (nested >= 0 && nested < close) {
      problem(ctx, t.at[nested]!, 'a "{" inside the answers: they end at the first "}" (write \\{ for a literal brace).');
      continue;
    }
    let structural = false;
    const second = find(t, '{', close + 1);
    if (second >= 0) {
      problem(
        ctx,
        t.at[second]!,
        'a second answer block "{" in the same question: GIFT takes only the first {…} as the answers and Moodle would show the rest as text. This looks like Moodle\'s Cloze (embedded answers) syntax, which GIFT does not support: make one question per answer block, or write \\{ and \\} for literal braces.',
      );
      structural = true;
    }
    const stray = find(t, '}', close + 1);
    if (stray >= 0 && (second < 0 || stray < second)) {
      problem(ctx, t.at[stray]!, 'this "}" has no "{" before it (write \\} for a literal brace).');
      structural = true;
    }
    const openAt = t.at[open]!;
    let block = trim(sub(t, open + 1, close));
    if (CLOZE_SYNTAX.test(block.s)) {
      problem(
        ctx,
        openAt,
        `"{${block.s.length > 30 ? `${block.s.slice(0, 30)}…` : block.s}}" is Moodle's Cloze (embedded answers) syntax, which GIFT does not support: write the answers in GIFT, e.g. {=right ~wrong}.`,
      );
      continue;
    }

    const before = sub(t, 0, open);
    const after = sub(t, close + 1);
    const missingWord = after.s.trim() !== '';

    // General feedback: after the last `####`.
    let general: Src | undefined;
    const gf = findLast(block, '####');
    if (gf >= 0) {
      general = sub(block, gf + 4);
      block = trim(sub(block, 0, gf));
    }

    // The question text, with the gap marked; its format is the default for answers and feedback.
    const sentinel: Src = {
      s: SENTINEL,
      esc: new Uint8Array(SENTINEL.length).fill(1),
      at: new Int32Array(SENTINEL.length).fill(openAt),
      base: openAt,
    };
    const { lt: stem, fmt } = readText(ctx, missingWord ? concat(before, sentinel, after) : before, 'moodle');
    if (structural) continue;

    const fields = readAnswers(ctx, { block, open: openAt, fmt, missingWord, directives });
    const explanationLt = general && trim(general).s !== '' ? readText(ctx, general, fmt).lt : undefined;
    const explanation = explanationLt ? localize(ctx, explanationLt) : undefined;
    const textByLang = localize(ctx, stem);
    if (!fields) continue;

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
    if (!missingWord && Object.values(prompt).every((p) => p === '')) problem(ctx, pos(t), 'this question has no text.');

    const question: Record<string, unknown> = {
      ...(title !== undefined ? { title } : {}),
      prompt,
      ...(explanation ? { explanation } : {}),
      ...(directives.sources ? { sources: directives.sources } : {}),
      ...fields,
    };
    if (fields.type === 'cloze') question.text = clozeText;
    // Keep the key order readable: type first.
    const { type, ...rest } = question;
    out.questions.push({
      question: { type, ...rest },
      title,
      explicitId: directives.id?.value,
      idAt: directives.id?.at ?? pos(t),
      line: firstLine,
      category,
    });
  }
  return out;
}

/**
 * Reads a GIFT file. Every problem is collected (with its 1-based line and column); when there are problems,
 * the set is incomplete and must not be imported.
 */
export function parseGift(text: string, opts: GiftOptions): GiftImport {
  const source = text.replace(/^\uFEFF/, '');
  // Offsets are into the text with line ends normalised to one character.
  const normStarts: number[] = [];
  {
    let off = 0;
    for (const l of source.split(/\r\n|\n|\r/)) {
      normStarts.push(off);
      off += l.length + 1;
    }
  }
  const where = (offset: number) => {
    let lo = 0;
    let hi = normStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (normStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - normStarts[lo]! + 1 };
  };

  // First pass: which languages the multilang spans use. Second pass: read everything in those languages.
  // (Without multilang spans the first pass already used the right language.)
  const probe: Ctx = { opts, langs: [opts.lang], found: new Set(), problems: [], warnings: [], where };
  const first = readFile(source, probe);
  const langs = probe.found.size ? opts.languages.filter((l) => probe.found.has(l)) : [opts.lang];
  const again = langs.length !== 1 || langs[0] !== opts.lang;
  const ctx: Ctx = again ? { opts, langs, found: new Set(), problems: [], warnings: [], where } : probe;
  const pass = again ? readFile(source, ctx) : first;

  // Ids: `// @id`, else a unique ::Title:: that is a valid id, else q1, q2, … by position.
  const explicit = new Map<string, number>();
  for (const q of pass.questions) {
    if (q.explicitId === undefined) continue;
    if (!ID_PATTERN.test(q.explicitId)) {
      problem(
        ctx,
        q.idAt,
        `"@id ${q.explicitId}" is not a valid id: use 1 to 64 letters, digits, "-" or "_", starting with a letter or digit.`,
      );
      continue;
    }
    const seen = explicit.get(q.explicitId);
    if (seen !== undefined) problem(ctx, q.idAt, `the id "${q.explicitId}" is already used by the question on line ${seen}.`);
    else explicit.set(q.explicitId, q.line);
  }
  const titleCount = new Map<string, number>();
  for (const q of pass.questions) if (q.title) titleCount.set(q.title, (titleCount.get(q.title) ?? 0) + 1);
  const used = new Set<string>(explicit.keys());
  const fromTitle = (q: Parsed) =>
    q.explicitId === undefined && q.title && ID_PATTERN.test(q.title) && titleCount.get(q.title) === 1 && !explicit.has(q.title)
      ? q.title
      : undefined;
  for (const q of pass.questions) {
    const id = fromTitle(q);
    if (id) used.add(id);
  }
  const ids = pass.questions.map((q, i) => {
    if (q.explicitId !== undefined && ID_PATTERN.test(q.explicitId)) return q.explicitId;
    const byTitle = fromTitle(q);
    if (byTitle) return byTitle;
    let id = `q${i + 1}`;
    for (let k = 2; used.has(id); k++) id = `q${i + 1}-${k}`;
    used.add(id);
    return id;
  });

  const lineOf: Record<string, number> = {};
  const categoryOf: Record<string, string> = {};
  const questions = pass.questions.map((q, i) => {
    const id = ids[i]!;
    if (!(id in lineOf)) lineOf[id] = q.line;
    if (q.category !== undefined && !(id in categoryOf)) categoryOf[id] = q.category;
    const { type, ...rest } = q.question;
    return { id, type, ...rest };
  });
  const passages = pass.passages.map((p) => ({ before: ids[p.afterQuestion] ?? null, text: p.text }));

  if (!pass.questions.length && !ctx.problems.length)
    problem(
      ctx,
      0,
      'this file has no questions: a GIFT question is a text with its answers in {…}, and questions are separated by blank lines.',
    );

  const fallback = pass.firstCategory !== undefined ? lastCategorySegment(pass.firstCategory) : undefined;
  const anyTitle = langs.map((l) => pass.titles[l]).find((t) => t !== undefined);
  const title = Object.fromEntries(langs.map((l) => [l, opts.title ?? pass.titles[l] ?? anyTitle ?? fallback ?? 'Untitled set']));

  const byPosition = (a: GiftProblem, b: GiftProblem) => a.line - b.line || a.column - b.column;
  const dedupe = (items: GiftProblem[]) => {
    const seen = new Set<string>();
    return items.filter((p) => {
      const key = `${p.line}:${p.column}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  return {
    set: {
      title,
      languages: [...langs],
      ...(opts.lesson !== undefined ? { lesson: opts.lesson } : {}),
      passages,
      questions,
    },
    lineOf,
    categoryOf,
    problems: dedupe(ctx.problems).sort(byPosition),
    warnings: dedupe(ctx.warnings).sort(byPosition),
  };
}
