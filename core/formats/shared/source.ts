/**
 * Source text with escapes resolved, shared by the GIFT and Cloze readers: one character per unit, whether it
 * was escaped, and where it is in the file, so that every problem can name its line and column.
 */

export interface Src {
  s: string;
  /** 1 where the character was escaped. */
  esc: Uint8Array;
  /** The file offset of each character. */
  at: Int32Array;
  /** File offset of the start, also when empty. */
  base: number;
}

/** A part of a text (views, not copies: a large block is cut into many pieces). */
export function sub(t: Src, a: number, b = t.s.length): Src {
  const base = t.at[a] ?? (a > 0 && t.at[a - 1] !== undefined ? t.at[a - 1]! + 1 : t.base);
  return { s: t.s.slice(a, b), esc: t.esc.subarray(a, b), at: t.at.subarray(a, b), base };
}

export function concat(...parts: Src[]): Src {
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

export function trim(t: Src): Src {
  let a = 0;
  let b = t.s.length;
  while (a < b && isSpace(t.s[a])) a++;
  while (b > a && isSpace(t.s[b - 1])) b--;
  return sub(t, a, b);
}

/** Whether `needle`, made of unescaped characters, stands at `i`. */
export function at(t: Src, needle: string, i: number): boolean {
  if (i < 0 || i + needle.length > t.s.length) return false;
  for (let k = 0; k < needle.length; k++) if (t.s[i + k] !== needle[k] || t.esc[i + k]) return false;
  return true;
}

/** Index of `needle` made of unescaped characters, from `from`; -1 if none. */
export function find(t: Src, needle: string, from = 0): number {
  for (let i = t.s.indexOf(needle, from); i >= 0; i = t.s.indexOf(needle, i + 1)) if (at(t, needle, i)) return i;
  return -1;
}

export function findLast(t: Src, needle: string): number {
  for (let i = t.s.lastIndexOf(needle); i >= 0; i = i > 0 ? t.s.lastIndexOf(needle, i - 1) : -1) if (at(t, needle, i)) return i;
  return -1;
}

/** Splits at every unescaped `ch`, dropping it. */
export function split(t: Src, ch: string, limit = Infinity): Src[] {
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

export const pos = (t: Src) => t.at[0] ?? t.base;

/** The characters GIFT escapes with a backslash (and `\n`, a line break). */
export const GIFT_ESCAPES = '\\:#={}~n';
/** The characters Moodle's Cloze syntax escapes with a backslash (a backslash itself too, so that any text can be written). */
export const CLOZE_ESCAPES = '\\#{}~';

/** Resolves escapes in raw characters: a backslash before one of `escapes` (GIFT's by default) stands for it. */
export function unescape(raw: string, at: ArrayLike<number>, escapes = GIFT_ESCAPES): Src {
  const chars: string[] = [];
  const esc = new Uint8Array(raw.length);
  const where = new Int32Array(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    const d = raw[i + 1];
    where[n] = at[i]!;
    if (c === '\\' && d !== undefined && escapes.includes(d)) {
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

/** Drops empty pieces (Moodle drops an empty first piece; we are as lenient with the others). */
export const pieces = (parts: Src[]) => parts.map(trim).filter((p) => p.s !== '');

/** A Src of literal characters (not from the file) that all point at `offset`. */
export function literal(s: string, offset: number): Src {
  return { s, esc: new Uint8Array(s.length).fill(1), at: new Int32Array(s.length).fill(offset), base: offset };
}
