// Limits on stored text (issue 17, item 6) as the GIFT and Cloze readers meet them: every problem names the
// limit and the line and column, nothing overflows the stack, and real files (a 20,000-character passage, a
// matching question of 50 pairs) still import.
import { describe, expect, it } from 'vitest';
import { parseCloze } from '../../core/formats/cloze/parse.ts';
import { parseGift } from '../../core/formats/gift/parse.ts';
import type { GiftImport } from '../../core/formats/gift/types.ts';
import { LIMITS } from '../../core/sets/limits.ts';
import { setSchemas } from '../../core/sets/schema.ts';

const DE = { lang: 'de', languages: ['de', 'en'] } as const;
const deep = (n: number, tag = 'b') => `${`<${tag}>`.repeat(n)}tief${`</${tag}>`.repeat(n)}`;
/** Words of about `n` characters, as a reading passage is written. */
const prose = (n: number) =>
  'Die Vereinbarung stärkt die Versorgungssicherheit. '
    .repeat(Math.ceil(n / 51))
    .slice(0, n)
    .trim();

/** The problems of a reading, as "line:column message". */
const problems = (r: GiftImport) => r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
/** The reading is clean and the set validates under the one schema. */
function valid(r: GiftImport) {
  expect(r.problems).toEqual([]);
  const parsed = setSchemas(r.set.languages).QuestionSet.safeParse(r.set);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
  return parsed.data;
}

describe('markup nesting in GIFT and Cloze imports', () => {
  it('refuses 2,600 nested <b> in an [html] text with the limit and its line and column, without a stack overflow', () => {
    const r = parseGift(`// a comment\n::Tief::[html]Welches Land? ${deep(2600)}{=China ~Japan}`, DE);
    // The place is where the limit is crossed: the 33rd <b>, three characters each from column 29.
    expect(problems(r)).toEqual([
      `2:${29 + 3 * LIMITS.markupDepth} this text nests markup more than 1,000 elements deep; the limit is ${LIMITS.markupDepth}: write the markup flatter.`,
    ]);
    // Below the parser's own bound, the depth is exact.
    expect(problems(parseGift(`[html]${deep(900)}{T}`, DE))).toEqual([
      `1:${7 + 3 * 32} this text nests markup 900 elements deep; the limit is 32: write the markup flatter.`,
    ]);
  });

  it('measures markup as deep as a whole request body allows without recursion', () => {
    const opened = '<i>'.repeat(Math.floor((LIMITS.bodyBytes - 20) / 3));
    expect(problems(parseGift(`[html]${opened}x{T}`, DE))).toEqual([
      `1:${7 + 3 * LIMITS.markupDepth} this text nests markup more than 1,000 elements deep; the limit is 32: write the markup flatter.`,
    ]);
  });

  it('names the first element beyond the limit, also after line breaks in Moodle’s own format', () => {
    const text = `Frage\nzwei\n${'<i>'.repeat(LIMITS.markupDepth)}<em>x</em>${'</i>'.repeat(LIMITS.markupDepth)}{T}`;
    const r = parseGift(text, DE);
    expect(problems(r)).toEqual([
      `3:${3 * LIMITS.markupDepth + 1} this text nests markup 33 elements deep; the limit is 32: write the markup flatter.`,
    ]);
  });

  it('takes markup exactly at the limit, and unwrapped or dropped elements count only where their text is read', () => {
    valid(parseGift(`[html]${deep(LIMITS.markupDepth)}{T}`, DE));
    // <div>s are unwrapped but walked (they count); an <svg>'s content is dropped unread (it does not).
    expect(problems(parseGift(`[html]${deep(LIMITS.markupDepth + 1, 'div')}{T}`, DE))).toHaveLength(1);
    valid(parseGift(`[html]Frage <svg>${deep(200, 'g')}</svg>{T}`, DE));
  });

  it('refuses deep markup in answers, feedback and Markdown texts too', () => {
    expect(problems(parseGift(`Frage {=[html]${deep(40)} ~Japan}`, DE))).toEqual([
      '1:111 this text nests markup 40 elements deep; the limit is 32: write the markup flatter.',
    ]);
    expect(problems(parseGift(`Frage {=China#[html]${deep(40, 'em')} ~Japan}`, DE))[0]).toMatch(/^1:149 .*40 elements deep/);
    // Markdown's HTML is another text: the place is the text's start.
    expect(problems(parseGift(`[markdown]Frage\n${'> '.repeat(40)}Zitat{T}`, DE))[0]).toMatch(
      /^1:11 this text nests markup \d+ elements deep/,
    );
  });

  it('refuses deep markup in a Cloze text with its line and column', () => {
    const r = parseCloze(`::Lücken::\n[html]Der ${deep(100, 'strong')} Text {1:SA:=Lücke}`, DE);
    expect(problems(r)).toEqual([
      `2:${11 + 8 * LIMITS.markupDepth} this text nests markup 100 elements deep; the limit is 32: write the markup flatter.`,
    ]);
  });
});

describe('text lengths in GIFT and Cloze imports', () => {
  it('imports a reading passage of 20,000 characters as a description and as a question text', () => {
    const passage = prose(20_000);
    const set = valid(parseGift(`${passage}\n\n${passage} Stimmt das?{T}`, DE));
    expect(set.passages[0]!.text.de).toHaveLength(passage.length);
    expect(set.questions[0]!.prompt.de!.length).toBeGreaterThan(20_000);
  });

  it('imports a matching question of 50 pairs', () => {
    const pairs = Array.from({ length: 50 }, (_, i) => `=Wort ${i} -> word ${i}`).join('\n');
    const set = valid(parseGift(`Ordnen Sie zu. {\n${pairs}\n}`, DE));
    expect(set.questions[0]).toMatchObject({ type: 'match' });
    expect((set.questions[0] as { pairs: unknown[] }).pairs).toHaveLength(50);
  });

  it('refuses a question text, a passage and a Cloze text beyond 50,000 characters at their line and column', () => {
    const long = prose(LIMITS.longTextChars + 10);
    expect(problems(parseGift(`::T::\n${long}{T}`, DE))).toEqual([
      `2:1 this text (in "de") is 50,010 characters long; the limit is 50,000.`,
    ]);
    expect(problems(parseGift(`Frage{T}\n\n// Beschreibung\n${long}`, DE))).toEqual([
      `4:1 this text (in "de") is 50,010 characters long; the limit is 50,000.`,
    ]);
    expect(problems(parseCloze(`${long} {1:SA:=Lücke}`, DE))).toEqual([
      `1:1 this text (in "de") is 50,017 characters long; the limit is 50,000.`,
    ]);
  });

  it('refuses a choice, an accepted answer, a feedback and an explanation beyond 2,000 characters where they stand', () => {
    const long = 'x'.repeat(LIMITS.textChars + 1);
    const message = `this text (in "de") is 2,001 characters long; the limit is 2,000.`;
    expect(problems(parseGift(`Frage {\n=China\n~${long}\n}`, DE))).toEqual([`3:2 ${message}`]);
    expect(problems(parseGift(`Frage {=${long}}`, DE))).toEqual([`1:9 ${message}`]);
    expect(problems(parseGift(`Frage {=Peking#${long}}`, DE))).toEqual([`1:16 ${message}`]);
    expect(problems(parseGift(`Frage {T####${long}}`, DE))).toEqual([`1:13 ${message}`]);
    expect(problems(parseCloze(`Text {1:SA:=Lücke#${long}}`, DE))).toEqual([`1:19 ${message}`]);
  });

  it('refuses a question title, a set title and a category beyond their limits', () => {
    const title = 'T'.repeat(LIMITS.titleChars + 1);
    expect(problems(parseGift(`::${title}::Frage{T}`, DE))).toEqual(['1:1 this title is 201 characters long; the limit is 200.']);
    expect(problems(parseGift(`// @title de: ${title}\nFrage{T}`, DE))).toEqual([
      '1:4 this set title is 201 characters long; the limit is 200.',
    ]);
    expect(problems(parseGift(`$CATEGORY: ${'k'.repeat(LIMITS.textChars + 1)}\n\nFrage{T}`, DE))).toEqual([
      '1:1 this category is 2,001 characters long; the limit is 2,000.',
    ]);
  });

  it('refuses a file of more questions than a set holds at the first one beyond', () => {
    const file = Array.from({ length: LIMITS.questions + 1 }, (_, i) => `Frage ${i}{T}`).join('\n\n');
    expect(problems(parseGift(file, DE))).toEqual([
      `${2 * LIMITS.questions + 1}:1 this file has 201 questions; the limit is 200: split it into several sets.`,
    ]);
  });

  it('puts a count beyond the limit (pairs) in the schema, at the question’s path', () => {
    const pairs = Array.from({ length: LIMITS.pairs + 1 }, (_, i) => `=W${i} -> w${i}`).join('\n');
    const r = parseGift(`Zuordnen {\n${pairs}\n}`, DE);
    expect(r.problems).toEqual([]);
    const parsed = setSchemas(r.set.languages).QuestionSet.safeParse(r.set);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['questions.0.pairs', 'has 101 pairs; the limit is 100'],
    ]);
  });
});
