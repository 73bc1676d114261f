import { sub, type Src } from './source.ts';

/** Moodle's answer weight prefix: `%50%`, `%-33.3%`, `%100%` (GIFT and Cloze alike). */
export const WEIGHT = /^%(-*[0-9]{1,2}\.?[0-9]*)%/;

/** Moodle's answer weight `%n%` at the start of `t`, or undefined when there is none. */
export function weightOf(t: Src): { weight: number; text: string; rest: Src } | undefined {
  const m = WEIGHT.exec(t.s);
  if (!m) return undefined;
  const end = t.s.indexOf('%', 1);
  const text = t.s.slice(1, end);
  // `e-2` rather than `/ 100`: the decimal is read exactly, so `%33.33333333333333%` is 1/3 to the last bit.
  const weight = Number(`${text.replace(/^-+/, '-')}e-2`);
  return { weight, text, rest: sub(t, end + 1) };
}

/** A number as GIFT and Cloze read it back exactly. */
export function num(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

/** A weight (-1 … 1) as the percentage Moodle's `%n%` reads back exactly (digits and a point, no exponent). */
export function percent(w: number): string {
  const exact = shift(decimal(w));
  if (exact && Number(`${exact}e-2`) === w) return exact;
  return String(Math.round(w * 1e7) / 1e5);
}

/** A number as a plain decimal numeral, without an exponent ("1e-7" → "0.0000001"). */
function decimal(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = `${m[2]}${m[3] ?? ''}`;
  const point = m[2]!.length + Number(m[4]);
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${m[1]}${body}`;
}

/** Moves the decimal point two places right in a plain decimal numeral ("0.075" → "7.5"). */
function shift(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return '';
  const frac = (m[3] ?? '').padEnd(2, '0');
  const int = `${m[2]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2);
  return `${m[1]}${int}${rest ? `.${rest}` : ''}`;
}
