// Limits on stored text (issue 17, item 6) in the one schema that JSON imports meet (each problem at its path),
// the reader of stored markup that every renderer uses (flat beyond the limit, whatever is stored), and a
// set's mode (practice or test).
import { describe, expect, it } from 'vitest';
import { parseRich, richDepth, serializeRich, type RichNode } from '../../core/formats/shared/rich-text.ts';
import { LIMITS } from '../../core/sets/limits.ts';
import { setMode, setSchemas } from '../../core/sets/schema.ts';

const t = (de: string, en = de) => ({ de, en });
const base = () => ({
  title: t('Satz'),
  languages: ['de', 'en'],
  questions: [
    {
      id: 'q1',
      type: 'single',
      prompt: t('Wer?'),
      choices: [
        { id: 'a', text: t('China'), correct: true },
        { id: 'b', text: t('Japan') },
      ],
    },
  ],
});
const schema = setSchemas(['de', 'en']).QuestionSet;
/** The schema's issues for a set, as [path, message]. */
function issues(set: unknown): Array<[string, string]> {
  const r = schema.safeParse(set);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
}
const nested = (n: number, tag = 'em') => `${`<${tag}>`.repeat(n)}x${`</${tag}>`.repeat(n)}`;
/** How deep a tree nests, counted without recursion. */
function treeDepth(nodes: RichNode[]): number {
  let max = 0;
  const stack: Array<[RichNode[], number]> = [[nodes, 0]];
  while (stack.length) {
    const [list, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const n of list) if (typeof n !== 'string' && n.tag !== 'br') stack.push([n.children, d + 1]);
  }
  return max;
}

describe('the set schema: length and nesting limits, each at its path', () => {
  it('refuses markup nested thousands deep in a prompt, a choice and a passage', () => {
    const set = base();
    set.questions[0]!.prompt.de = nested(5000);
    set.questions[0]!.choices[1]!.text.en = nested(40, 'strong');
    const withPassage = { ...set, passages: [{ before: 'q1', text: t(nested(LIMITS.markupDepth + 1, 'ul')) }] };
    expect(issues(withPassage)).toEqual([
      ['passages.0.text.de', 'nests markup 33 elements deep; the limit is 32'],
      ['passages.0.text.en', 'nests markup 33 elements deep; the limit is 32'],
      ['questions.0.prompt.de', 'nests markup 5,000 elements deep; the limit is 32'],
      ['questions.0.choices.1.text.en', 'nests markup 40 elements deep; the limit is 32'],
    ]);
  });

  it('refuses a 200 KB title and texts beyond their limits, quoting the limit', () => {
    const set: any = base();
    set.title = t('x'.repeat(200_000), 'ok');
    set.questions[0].prompt.de = 'y'.repeat(LIMITS.longTextChars + 1);
    set.questions[0].choices[0].feedback = t('z'.repeat(LIMITS.textChars + 1));
    set.questions[0].title = 'T'.repeat(201);
    expect(issues(set)).toEqual([
      ['title.de', 'is 200,000 characters long; the limit is 200'],
      ['questions.0.title', 'is 201 characters long; the limit is 200'],
      ['questions.0.prompt.de', 'is 50,001 characters long; the limit is 50,000'],
      ['questions.0.choices.0.feedback.de', 'is 2,001 characters long; the limit is 2,000'],
      ['questions.0.choices.0.feedback.en', 'is 2,001 characters long; the limit is 2,000'],
    ]);
  });

  it('limits plain strings too: accepted answers, their feedback, gap words and categories', () => {
    const long = 'w'.repeat(LIMITS.textChars + 1);
    const set: any = base();
    set.questions.push(
      { id: 'q2', type: 'short', prompt: t('Was?'), answers: { de: [{ text: long }], en: [{ text: 'ok', feedback: long }] } },
      {
        id: 'q3',
        type: 'cloze',
        prompt: t('Lücke'),
        text: t('Ein {{g1}}.'),
        gaps: [{ id: 'g1', answers: { de: [long], en: [`${'<u>'.repeat(99)}ok`] } }],
      },
    );
    set.categories = { q1: long };
    const over = 'is 2,001 characters long; the limit is 2,000';
    expect(issues(set)).toEqual([
      ['categories.q1', over],
      ['questions.1.answers.de.0.text', over],
      ['questions.1.answers.en.0.feedback', over],
      ['questions.2.gaps.0.answers.de.0', over],
      ['questions.2.gaps.0.answers.en.0', 'nests markup 99 elements deep; the limit is 32'],
    ]);
  });

  it('counts questions, choices, pairs, items and gaps against their limits', () => {
    const set: any = base();
    const pair = (i: number) => ({ left: t(`l${i}`), right: t(`r${i}`) });
    set.questions.push(
      { id: 'm', type: 'match', prompt: t('Zuordnen'), pairs: Array.from({ length: LIMITS.pairs + 1 }, (_, i) => pair(i)) },
      { id: 'o', type: 'order', prompt: t('Ordnen'), items: Array.from({ length: LIMITS.items + 1 }, (_, i) => t(`i${i}`)) },
    );
    set.questions[0].choices.push(...Array.from({ length: LIMITS.choices - 1 }, (_, i) => ({ id: `c${i}`, text: t(`c${i}`) })));
    expect(issues(set)).toEqual([
      ['questions.0.choices', 'has 31 choices; the limit is 30'],
      ['questions.1.pairs', 'has 101 pairs; the limit is 100'],
      ['questions.2.items', 'has 31 items; the limit is 30'],
    ]);
    const many: any = base();
    many.questions = Array.from({ length: LIMITS.questions + 1 }, (_, i) => ({ ...base().questions[0], id: `q${i}` }));
    expect(issues(many)).toEqual([['questions', 'has 201 questions; the limit is 200']]);
  });

  it('takes what real files hold: a 20,000-character passage, 50 pairs, markup at the limit', () => {
    const set: any = base();
    set.passages = [{ before: 'q1', text: t('Satz. '.repeat(3400).trim()) }];
    set.questions[0].prompt = t(nested(LIMITS.markupDepth));
    set.questions.push({
      id: 'm',
      type: 'match',
      prompt: t('Zuordnen'),
      pairs: Array.from({ length: 50 }, (_, i) => ({ left: t(`l${i}`), right: t(`r${i}`) })),
    });
    expect(set.passages[0].text.de.length).toBeGreaterThan(20_000);
    expect(issues(set)).toEqual([]);
  });
});

describe('stored markup beyond the limit, as every renderer reads it', () => {
  it('is flattened: the tree nests no deeper than the limit, its words stay and no tag shows as text', () => {
    const stored = `vor ${nested(3000)} nach <strong>fett</strong>`;
    expect(richDepth(stored)).toBe(3000);
    const tree = parseRich(stored);
    expect(treeDepth(tree)).toBe(LIMITS.markupDepth);
    expect(serializeRich(tree)).toBe(`vor ${nested(LIMITS.markupDepth)} nach <strong>fett</strong>`);
  });

  it('leaves markup within the limit as it was, stray closing tags still as text', () => {
    const stored = `<ul><li>a <em>b</em></li></ul>${nested(LIMITS.markupDepth, 'u')} </em>`;
    expect(richDepth(stored)).toBe(LIMITS.markupDepth);
    expect(serializeRich(parseRich(stored))).toBe('<ul><li>a <em>b</em></li></ul>' + nested(LIMITS.markupDepth, 'u') + ' &lt;/em>');
  });
});

describe('a set’s mode', () => {
  it('defaults to practice, keeps test, and refuses anything else at its path', () => {
    expect(schema.parse(base()).mode).toBe('practice');
    expect(schema.parse({ ...base(), mode: 'test' }).mode).toBe('test');
    expect(issues({ ...base(), mode: 'exam' })).toEqual([['mode', 'Invalid option: expected one of "practice"|"test"']]);
  });

  it('reads as practice for a set stored before modes existed', () => {
    const { mode: _, ...old } = schema.parse(base());
    expect(setMode(old)).toBe('practice');
    expect(setMode({ ...old, mode: 'test' })).toBe('test');
  });
});
