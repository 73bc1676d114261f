import type { Question, QuestionOf } from '../quiz/schema.ts';
import type { QuestionSet } from '../sets/schema.ts';
import { multilangHtml, textToHtml } from './html-text.ts';
import { BLANK, GAP_ID, IMPORT_TYPO_TOLERANCE, choiceId } from './parse.ts';

/**
 * Writes a question set as GIFT that Moodle imports and that `parseGift` reads back to the same set.
 *
 * A single-language set is written as plain text with GIFT escapes; a set in several languages as `[html]`
 * with one multilang span per language. What GIFT cannot say travels in comments Moodle ignores:
 * `// @id`, `// @sources`, `// @caseSensitive`, `// @typoTolerance` before a question, `// @title` for the set.
 * Choice ids are written by position only: on import they become a, b, c, … and the gap of a missing-word
 * question g1, so other ids are renumbered.
 */

export interface GiftExport {
  text: string;
  /** Ids of questions that have no GIFT form (written as a `// not exportable to GIFT` comment). */
  skipped: string[];
  /** Things that will not come back exactly on import (e.g. choice ids renumbered). */
  notes: string[];
}

export interface GiftWriteOptions {
  /** `$CATEGORY` per question id, as `parseGift` returned it; written where it changes. */
  categoryOf?: Readonly<Record<string, string>>;
}

/** GIFT escapes for a text: `\ ~ = # { } :` and line breaks. */
export const escapeGift = (text: string) =>
  text
    .replace(/[\\~=#{}:]/g, '\\$&')
    .replace(/\r\n?/g, '\n')
    .replace(/\n/g, '\\n');

/** A text that would be read as a format, a weight or a comment gets an explicit format first. */
const needsFormat = (written: string) => /^(\[|%|\/\/)/.test(written);

class Skip extends Error {}

export function toGiftWithReport(set: QuestionSet, opts: GiftWriteOptions = {}): GiftExport {
  const langs = set.languages;
  const multi = langs.length > 1;
  const lang0 = langs[0]!;
  const notes: string[] = [];
  const skipped: string[] = [];

  /**
   * A single-language text: `[plain]` when it has `<` or `&` (Moodle's default format would render them as
   * HTML), `[moodle]` when its start would be misread (as a format, a weight or a comment).
   */
  const plain = (text: string, forFormat = text): string => {
    const written = escapeGift(text);
    return /[<&]/.test(forFormat) ? `[plain]${written}` : needsFormat(written) ? `[moodle]${written}` : written;
  };
  /** A localized text in the question's own format. */
  const loc = (text: Readonly<Record<string, string>>): string =>
    multi ? escapeGift(multilangHtml(text, langs)) : plain(text[lang0] ?? '');
  /** A text that is shown in one language or all (answers, per-answer feedback); `arrowSafe` keeps `->` out. */
  const one = (text: string, arrowSafe = false): string => {
    if (multi || (arrowSafe && text.includes('->'))) {
      const written = escapeGift(textToHtml(text));
      return multi ? (needsFormat(written) ? `[html]${written}` : written) : `[html]${written}`;
    }
    return plain(text);
  };
  const onlyIn = (lang: string, text: string) => escapeGift(`<span lang="${lang}" class="multilang">${textToHtml(text)}</span>`);
  const stem = (text: Readonly<Record<string, string>>) => (multi ? `[html]${loc(text)}` : loc(text));
  /** A localized text where `->` would end it (the left side of a pair). */
  const left = (text: Readonly<Record<string, string>>) =>
    !multi && (text[lang0] ?? '').includes('->') ? `[html]${escapeGift(textToHtml(text[lang0] ?? ''))}` : loc(text);

  /**
   * Answers given per language as one GIFT answer each: written once when every language has the same list,
   * as one multilang answer per position when the lists line up, else one single-language answer each.
   */
  function perLanguage<T>(byLang: Readonly<Record<string, readonly T[]>>, textOf: (t: T) => string, sameRest: (a: T, b: T) => boolean) {
    const lists = langs.map((l) => byLang[l] ?? []);
    const first = lists[0]!;
    const entries: Array<{ item: T; text: string }> = [];
    if (lists.every((l) => l.length === first.length && l.every((t, i) => textOf(t) === textOf(first[i]!) && sameRest(t, first[i]!))))
      for (const item of first) entries.push({ item, text: one(textOf(item), true) });
    else if (lists.every((l) => l.length === first.length && l.every((t, i) => sameRest(t, first[i]!))))
      first.forEach((item, i) =>
        entries.push({ item, text: escapeGift(multilangHtml(Object.fromEntries(langs.map((l, k) => [l, textOf(lists[k]![i]!)])), langs)) }),
      );
    else langs.forEach((l, k) => lists[k]!.forEach((item) => entries.push({ item, text: onlyIn(l, textOf(item)) })));
    return entries;
  }

  const general = (q: Question) => (q.explanation ? `\t####${loc(q.explanation)}\n` : '');
  const checkChoiceIds = (q: Question, ids: readonly string[], what = 'choice') => {
    if (ids.some((id, i) => id !== choiceId(i)))
      notes.push(
        `question ${q.id}: the ${what} ids (${ids.join(', ')}) are written by position and come back as ${ids.map((_, i) => choiceId(i)).join(', ')}.`,
      );
  };

  function answerBlock(q: Question): string {
    switch (q.type) {
      case 'essay':
        return q.explanation ? `{####${loc(q.explanation)}}` : '{}';
      case 'truefalse': {
        const wrong = q.feedback?.wrong ? loc(q.feedback.wrong) : '';
        const right = q.feedback?.right ? loc(q.feedback.right) : '';
        const fb = right ? `#${wrong}#${right}` : wrong ? `#${wrong}` : '';
        return `{${q.answer ? 'TRUE' : 'FALSE'}${fb}${q.explanation ? `####${loc(q.explanation)}` : ''}}`;
      }
      case 'single': {
        checkChoiceIds(
          q,
          q.choices.map((c) => c.id),
        );
        const lines = q.choices.map((c) => {
          const mark = c.correct ? '=' : c.credit ? `~%${percent(c.credit)}%` : '~';
          return `\t${mark}${loc(c.text)}${c.feedback ? `#${loc(c.feedback)}` : ''}\n`;
        });
        return `{\n${lines.join('')}${general(q)}}`;
      }
      case 'multiple': {
        checkChoiceIds(
          q,
          q.choices.map((c) => c.id),
        );
        const lines = q.choices.map((c) => `\t~%${percent(c.weight)}%${loc(c.text)}${c.feedback ? `#${loc(c.feedback)}` : ''}\n`);
        return `{\n${lines.join('')}${general(q)}}`;
      }
      case 'short': {
        const entries = perLanguage(
          q.answers,
          (a) => a.text,
          (a, b) => a.weight === b.weight && (a.feedback ?? '') === (b.feedback ?? ''),
        );
        const lines = entries.map(({ item, text }) => {
          const weight = item.weight === 1 ? '' : `%${percent(item.weight)}%`;
          return `\t=${weight}${text}${item.feedback ? `#${one(item.feedback, true)}` : ''}\n`;
        });
        return `{\n${lines.join('')}${general(q)}}`;
      }
      case 'match': {
        // The right side has no format of its own (Moodle reads it as written): no `[moodle]` guard.
        const lines = q.pairs.map((p) => `\t=${left(p.left)} -> ${multi ? loc(p.right) : escapeGift(p.right[lang0] ?? '')}\n`);
        return `{\n${lines.join('')}${general(q)}}`;
      }
      case 'numerical': {
        const value = (v: { answer?: number | undefined; tolerance: number; min?: number | undefined; max?: number | undefined }) =>
          v.answer !== undefined ? `${num(v.answer)}:${num(v.tolerance)}` : `${num(v.min!)}..${num(v.max!)}`;
        const lines = [`\t=${value(q)}\n`];
        for (const a of q.alternatives ?? [])
          lines.push(`\t=${a.weight === 1 ? '' : `%${percent(a.weight)}%`}${value(a)}${a.feedback ? `#${one(a.feedback)}` : ''}\n`);
        return `{#\n${lines.join('')}${general(q)}}`;
      }
      case 'cloze':
        return gapBlock(q);
      case 'order':
        throw new Skip('GIFT has no ordering questions');
    }
  }

  /** The block of a missing-word question; the caller writes the text around it. */
  function gapBlock(q: QuestionOf<'cloze'>): string {
    const gap = q.gaps[0]!;
    if (gap.id !== GAP_ID) notes.push(`question ${q.id}: the gap "${gap.id}" comes back as "${GAP_ID}".`);
    let entries: Array<{ mark: string; text: string }>;
    if (!gap.options) {
      if (langs.some((l) => gap.answers[l]!.includes('*'))) throw new Skip('a "*" answer in a gap has no GIFT form');
      entries = perLanguage(
        gap.answers,
        (a) => a,
        () => true,
      ).map((e) => ({ mark: '=', text: e.text }));
    } else {
      const options = gap.options;
      const items = Object.fromEntries(langs.map((l) => [l, options[l]!.map((text) => ({ text, right: gap.answers[l]!.includes(text) }))]));
      for (const l of langs) {
        const back = items[l]!.filter((o) => o.right).map((o) => o.text);
        if (back.join('\u0000') !== gap.answers[l]!.join('\u0000'))
          notes.push(
            `question ${q.id}: the accepted answers of the gap in "${l}" come back as the options marked right, in their order (${back.join(', ')}).`,
          );
      }
      entries = perLanguage(
        items,
        (o) => o.text,
        (a, b) => a.right === b.right,
      ).map((e) => ({ mark: e.item.right ? '=' : '~', text: e.text }));
      if (entries.length < 2) throw new Skip('a gap with one option has no GIFT form');
      // Without a `~` Moodle would read typed answers: make the first right answer `~=`.
      if (!entries.some((e) => e.mark === '~')) entries[0]!.mark = '~=';
    }
    // One answer a line, as everywhere: an answer's `=` then never shares a line with another answer's text.
    return `{\n${entries.map((e) => `\t${e.mark}${e.text}\n`).join('')}${general(q)}}`;
  }

  /** The question's text with its block; a missing-word question has the block inside its text. */
  function questionText(q: Question): string {
    if (q.type !== 'cloze') return `${stem(q.prompt)}${answerBlock(q)}`;
    if (q.gaps.length !== 1) throw new Skip('GIFT has only one gap per question (missing word)');
    const mark = `{{${q.gaps[0]!.id}}}`;
    const prompts: string[] = [];
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    for (const l of langs) {
      const parts = q.text[l]!.split(mark);
      if (parts.length !== 2) throw new Skip('the gap must appear once in every language');
      if (parts[1]!.trim() === '') throw new Skip('a missing-word question needs text after the gap');
      before[l] = parts[0]!;
      after[l] = parts[1]!;
      if (q.prompt[l] !== q.text[l]!.replace(mark, BLANK).trim())
        prompts.push(`question ${q.id}: its prompt in "${l}" comes back as the text with "${BLANK}" in place of the gap.`);
    }
    const block = answerBlock(q);
    notes.push(...prompts);
    if (multi) return `[html]${escapeGift(multilangHtml(before, langs))}${block}${escapeGift(multilangHtml(after, langs))}`;
    return `${plain(before[lang0]!, before[lang0]! + after[lang0]!)}${block}${escapeGift(after[lang0]!)}`;
  }

  function question(q: Question): string {
    const lines = [`// @id ${q.id}`];
    if (q.sources.length) lines.push(`// @sources ${q.sources.join(' ')}`);
    if (q.type === 'short' || q.type === 'cloze') {
      if (q.caseSensitive) lines.push('// @caseSensitive true');
      if (q.typoTolerance !== IMPORT_TYPO_TOLERANCE) lines.push(`// @typoTolerance ${q.typoTolerance}`);
    }
    const title = q.title !== undefined && q.title !== '' ? `::${escapeGift(q.title)}::` : '';
    if (q.title !== undefined && q.title.trim() !== q.title) notes.push(`question ${q.id}: its title comes back trimmed.`);
    return `${lines.join('\n')}\n${title}${questionText(q)}\n`;
  }

  const passage = (text: Readonly<Record<string, string>>) => `${stem(text)}\n`;

  const out: string[] = [];
  const header = [
    `// ${escapeGift(set.title[lang0] ?? '')}`.trimEnd(),
    '// GIFT (Moodle). Lines "// @…" are notes for re-import here; Moodle ignores them.',
    '// Choices are written in order and come back with the ids a, b, c, … (the gap of a missing-word question as g1).',
    multi
      ? `// The texts are in ${langs.join(', ')} (multilang spans).`
      : `// The texts are in "${lang0}": import the file with that language.`,
    ...langs.map((l) => `// @title ${l}: ${escapeGift(set.title[l] ?? '')}`),
  ];
  out.push(`${header.join('\n')}\n`);
  if (set.lesson) notes.push(`the lesson "${set.lesson}" is not written to GIFT: give it again on import.`);

  const ids = new Set(set.questions.map((q) => q.id));
  let category: string | undefined;
  for (const q of set.questions) {
    const cat = opts.categoryOf?.[q.id];
    if (cat !== undefined && cat !== category) {
      out.push(`$CATEGORY: ${cat}\n`);
      category = cat;
    }
    for (const p of set.passages) if (p.before === q.id) out.push(passage(p.text));
    try {
      out.push(question(q));
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
      skipped.push(q.id);
      out.push(`// not exportable to GIFT: question ${q.id} (${q.type}): ${e.message}\n`);
    }
  }
  for (const p of set.passages) if (p.before === null || !ids.has(p.before)) out.push(passage(p.text));
  return { text: out.join('\n'), skipped, notes };
}

/** The set as GIFT; see `toGiftWithReport` for what could not be written. */
export function toGift(set: QuestionSet, opts: GiftWriteOptions = {}): string {
  return toGiftWithReport(set, opts).text;
}

/** A number as GIFT reads it back exactly. */
function num(n: number): string {
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
