// toGift → parseGift gives the same set back: every exportable type, one and two languages, categories, and
// what GIFT cannot say written as a comment. (The property over generated sets: gift-roundtrip-property.test.ts.)
import { describe, expect, it } from 'vitest';
import { parseGift } from '../../core/formats/gift/parse.ts';
import { toGift, toGiftWithReport } from '../../core/formats/gift/write.ts';
import { normalSet } from '../../core/formats/shared/normal-set.ts';
import { COURSE, roundTrip, schemaFor } from './gift-roundtrip-helpers.ts';

const make = (languages: string[], raw: Record<string, unknown>) => schemaFor(languages).parse({ languages, ...raw });

/** Every exportable type, with what each can carry; `t` gives a text in the set's languages. */
function everyType(t: (en: string, de?: string) => Record<string, string>, langs: string[]) {
  const perLang = <T>(value: (lang: string) => T) => Object.fromEntries(langs.map((l) => [l, value(l)]));
  return {
    title: t('Rare earths: a quiz', 'Seltene Erden: ein Quiz'),
    passages: [
      { before: 'single-1', text: t('Read this first: {it} matters #1.', 'Zuerst lesen: {es} zählt #1.') },
      { before: 'tf', text: t('A passage before true/false.', 'Ein Text vor Wahr/Falsch.') },
      { before: null, text: t('The end ~ thanks.', 'Ende ~ danke.') },
    ],
    questions: [
      {
        id: 'single-1',
        type: 'single',
        title: 'Capital :: of Japan',
        prompt: t('Which city is the capital of Japan? (Hint: 1 = one)', 'Welche Stadt ist die Hauptstadt Japans? (Tipp: 1 = eins)'),
        explanation: t('Tokyo since 1868.', 'Tokio seit 1868.'),
        sources: ['p1s2', 'p3s1'],
        choices: [
          { id: 'a', text: t('Tokyo'), correct: true, feedback: t('Yes #1', 'Ja #1') },
          { id: 'b', text: t('Edo'), credit: 0.5, feedback: t('Old name.', 'Alter Name.') },
          { id: 'c', text: t('%50% Osaka') },
          { id: 'd', text: t('[html] <b>Kyoto</b>') },
        ],
      },
      {
        id: 'multi',
        type: 'multiple',
        prompt: t('Which are rare earths?', 'Welche sind Seltene Erden?'),
        choices: [
          { id: 'a', text: t('Neodymium', 'Neodym'), weight: 1 / 3, feedback: t('Yes.', 'Ja.') },
          { id: 'b', text: t('Dysprosium', 'Dysprosium'), weight: 1 / 3 },
          { id: 'c', text: t('Lanthanum', 'Lanthan'), weight: 1 / 3 },
          { id: 'd', text: t('Iron', 'Eisen'), weight: -0.5, feedback: t('No!', 'Nein!') },
          { id: 'e', text: t('Copper', 'Kupfer'), weight: 0 },
        ],
      },
      {
        id: 'tf',
        type: 'truefalse',
        prompt: t('Neodymium is a metal.', 'Neodym ist ein Metall.'),
        answer: true,
        feedback: { right: t('Right.', 'Richtig.'), wrong: t('It is a metal.', 'Es ist ein Metall.') },
        explanation: t('All rare earths are metals.', 'Alle Seltenen Erden sind Metalle.'),
      },
      {
        id: 'tf-right-only',
        type: 'truefalse',
        prompt: t('Iron is a rare earth.', 'Eisen ist eine Seltene Erde.'),
        answer: false,
        feedback: { right: t('Indeed.', 'Genau.') },
      },
      { id: 'tf-bare', type: 'truefalse', prompt: t('Water is wet.', 'Wasser ist nass.'), answer: true },
      {
        id: 'short',
        type: 'short',
        prompt: t('What does Nd stand for?', 'Wofür steht Nd?'),
        answers: perLang((l) => [
          { text: l === 'de' ? 'Neodym' : 'Neodymium', weight: 1, feedback: 'Right -> well done.' },
          { text: 'Nd', weight: 0.5, feedback: 'Only the symbol.' },
          { text: 'a -> b = c', weight: 0.25 },
          { text: '*', weight: 0, feedback: 'Look it up.' },
        ]),
        caseSensitive: true,
        typoTolerance: true,
      },
      {
        id: 'short-uneven',
        type: 'short',
        prompt: t('Name a magnet metal.', 'Nenne ein Magnetmetall.'),
        answers: perLang((l) =>
          l === 'de' ? [{ text: 'Neodym' }, { text: 'Samarium' }, { text: 'Kobalt', weight: 0.5 }] : [{ text: 'neodymium' }],
        ),
        typoTolerance: false,
      },
      {
        id: 'gap-choice',
        type: 'cloze',
        prompt: t('Neodymium is a _____ used in magnets.', 'Neodym ist ein _____ für Magnete.'),
        text: t('Neodymium is a {{g1}} used in magnets.', 'Neodym ist ein {{g1}} für Magnete.'),
        gaps: [
          {
            id: 'g1',
            answers: perLang((l) => [l === 'de' ? 'Seltenerdmetall' : 'rare earth']),
            options: perLang((l) => ['gas', l === 'de' ? 'Seltenerdmetall' : 'rare earth', 'salt']),
          },
        ],
      },
      {
        id: 'gap-typed',
        type: 'cloze',
        prompt: t('_____ imports most rare earths from China.', '_____ importiert die meisten Seltenen Erden aus China.'),
        text: t('{{g1}} imports most rare earths from China.', '{{g1}} importiert die meisten Seltenen Erden aus China.'),
        gaps: [{ id: 'g1', answers: perLang((l) => (l === 'de' ? ['Japan', 'Nippon'] : ['Japan'])) }],
        caseSensitive: true,
      },
      {
        id: 'gap-all-right',
        type: 'cloze',
        prompt: t('Pick _____ here.', 'Wähle _____ hier.'),
        text: t('Pick {{g1}} here.', 'Wähle {{g1}} hier.'),
        gaps: [{ id: 'g1', answers: perLang(() => ['x', 'y']), options: perLang(() => ['x', 'y']) }],
      },
      {
        id: 'match',
        type: 'match',
        prompt: t('Match the symbols.', 'Ordne die Symbole zu.'),
        pairs: [
          { left: t('Neodymium -> ?', 'Neodym -> ?'), right: t('Nd -> yes') },
          { left: t('Dysprosium', 'Dysprosium'), right: t('Dy') },
          { left: t('ends with -'), right: t('> starts with >') },
        ],
        explanation: t('Symbols come from Latin names.', 'Symbole kommen aus dem Lateinischen.'),
      },
      { id: 'num-tol', type: 'numerical', prompt: t('Year of the agreement?', 'Jahr des Abkommens?'), answer: 2023, tolerance: 1 },
      { id: 'num-range', type: 'numerical', prompt: t('A year in the 2020s?', 'Ein Jahr in den 2020ern?'), min: 2020, max: 2029.5 },
      {
        id: 'num-alt',
        type: 'numerical',
        prompt: t('How many lanthanides?', 'Wie viele Lanthanoide?'),
        answer: 15,
        alternatives: [
          { answer: 15, tolerance: 2, weight: 0.5, feedback: 'Close.' },
          { min: -17.25, max: 1e-7, weight: 0.1 },
          { answer: 16, weight: 1 },
        ],
      },
      {
        id: 'essay',
        type: 'essay',
        prompt: t('Why do rare earths matter?', 'Warum sind Seltene Erden wichtig?'),
        explanation: t('Magnets.', 'Magnete.'),
      },
      { id: 'essay-bare', type: 'essay', title: 'essay title', prompt: t('Discuss.', 'Diskutiere.') },
    ],
  };
}

describe('toGift → parseGift gives the same set back', () => {
  it('for a single-language set with every exportable type', () => {
    const set = make(
      ['en'],
      everyType((en) => ({ en }), ['en']),
    );
    const { back, gift } = roundTrip(set);
    expect(back).toEqual(normalSet(set));
    expect(gift).not.toContain('multilang');
    expect(gift).toContain('// @id single-1\n');
    expect(gift).toContain('::Capital \\:\\: of Japan::Which city is the capital of Japan? (Hint\\: 1 \\= one){');
    expect(gift).toContain('\t~%-50%Iron#No!\n');
  });

  it('for a bilingual set with every exportable type', () => {
    const set = make(
      ['de', 'en'],
      everyType((en, de = en) => ({ de, en }), ['de', 'en']),
    );
    const { back, gift } = roundTrip(set);
    expect(back).toEqual(normalSet(set));
    expect(gift).toContain('[html]<span lang\\="de" class\\="multilang">Welche Stadt');
  });

  it('for a German-only set read back in German', () => {
    const set = make(
      ['de'],
      everyType((en, de = en) => ({ de }), ['de']),
    );
    expect(roundTrip(set).back).toEqual(normalSet(set));
  });

  it('keeps the categories it is given', () => {
    const set = make(['en'], {
      title: { en: 'T' },
      questions: [
        { id: 'a', type: 'essay', prompt: { en: 'A' } },
        { id: 'b', type: 'essay', prompt: { en: 'B' } },
      ],
    });
    const gift = toGift(set, { categoryOf: { a: '$course$/top/One', b: '$course$/top/Two' } });
    expect(parseGift(gift, { lang: 'en', languages: COURSE }).categoryOf).toEqual({ a: '$course$/top/One', b: '$course$/top/Two' });
  });

  it('writes what GIFT cannot say as a comment and lists it; several gaps (or one at the end) as embedded answers', () => {
    const set = make(['en'], {
      title: { en: 'T' },
      questions: [
        { id: 'order', type: 'order', prompt: { en: 'Order them.' }, items: [{ en: 'a' }, { en: 'b' }] },
        {
          id: 'two-gaps',
          type: 'cloze',
          prompt: { en: 'Fill in.' },
          text: { en: '{{x}} and {{y}}.' },
          gaps: [
            { id: 'x', answers: { en: ['a'] } },
            { id: 'y', answers: { en: ['b'] } },
          ],
        },
        {
          id: 'gap-at-end',
          type: 'cloze',
          prompt: { en: 'The end is _____' },
          text: { en: 'The end is {{g1}}' },
          gaps: [{ id: 'g1', answers: { en: ['near'] } }],
        },
        {
          id: 'renumbered',
          type: 'single',
          prompt: { en: 'Pick.' },
          choices: [
            { id: 'yes', text: { en: 'Yes' }, correct: true },
            { id: 'no', text: { en: 'No' } },
          ],
        },
      ],
    });
    const report = toGiftWithReport(set);
    expect(report.skipped).toEqual(['order']);
    expect(report.text).toContain('// not exportable to GIFT: question order (order)');
    expect(report.text).toContain('{1:SA:=a} and {1:SA:=b}.');
    expect(report.notes).toEqual([
      expect.stringMatching(/question two-gaps: the gaps \(x, y\) come back as g1, g2/),
      expect.stringMatching(/question two-gaps: its prompt in "en" comes back/),
      expect.stringMatching(/question two-gaps: its gaps are written as embedded answers/),
      expect.stringMatching(/question gap-at-end: its gaps are written as embedded answers/),
      expect.stringMatching(/question renumbered: the choice ids \(yes, no\) .* a, b/),
    ]);
    const back = parseGift(report.text, { lang: 'en', languages: COURSE });
    expect(back.problems).toEqual([]);
    expect(back.set.questions.map((q) => [q.id, q.type])).toEqual([
      ['two-gaps', 'cloze'],
      ['gap-at-end', 'cloze'],
      ['renumbered', 'single'],
    ]);
  });
});
