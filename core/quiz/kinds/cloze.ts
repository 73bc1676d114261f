import { pick } from '../../content/localized.ts';
import { textRules } from '../text-match.ts';
import { inLang, unknownId, type Kind } from './kind.ts';
import { typedAnswer } from './typed-answer.ts';

/** Splits a cloze text at its `{{gapId}}` marks. */
export function clozeParts(text: string): Array<{ text: string } | { gap: string }> {
  return text
    .split(/(\{\{[^}]+\}\})/)
    .filter(Boolean)
    .map((piece) => (/^\{\{[^}]+\}\}$/.test(piece) ? { gap: piece.slice(2, -2) } : { text: piece }));
}

const given = (gaps: Readonly<Record<string, string>>, id: string) => (Object.hasOwn(gaps, id) ? gaps[id]! : '');

/** A text with gaps, typed or with options: the share of gaps right (an ending slip earns its partial credit). */
export const cloze = {
  graded: true,
  validate: (q, r, at) =>
    Object.keys(r.gaps).flatMap((key) => (q.gaps.some((g) => g.id === key) ? [] : [unknownId(q, `${at}.gaps.${key}`, key)])),
  isUnanswered: (q, r) => q.gaps.every((g) => !given(r.gaps, g.id).trim()),
  score(q, r, { lang, lexicon }) {
    const rules = textRules(q, lang, lexicon);
    let total = 0;
    const items = q.gaps.map((g) => {
      // A gap with options is a choice: exact (after folding), no typo allowance.
      const opts = g.options ? { ...rules, typoTolerance: false } : rules;
      const accepted = inLang(g.answers, lang).map((text) => ({ text, weight: 1 }));
      const { credit, verdict } = typedAnswer(given(r.gaps, g.id), accepted, opts);
      total += credit;
      return { kind: 'gap' as const, gap: g.id, ...verdict };
    });
    return { score: total / q.gaps.length, items, notes: [] };
  },
  keyed: (q, lang) => ({ gaps: Object.fromEntries(q.gaps.map((g) => [g.id, inLang(g.answers, lang)[0]!])) }),
  solutionText(q, lang) {
    const gaps = new Map(q.gaps.map((g) => [g.id, inLang(g.answers, lang)[0]!]));
    return clozeParts(pick(q.text, lang))
      .map((p) => ('gap' in p ? gaps.get(p.gap) : p.text))
      .join('');
  },
  learner: (q, lang, order) => ({
    id: q.id,
    prompt: pick(q.prompt, lang),
    type: 'cloze',
    parts: clozeParts(pick(q.text, lang)).map((part) => {
      if (!('gap' in part)) return part;
      const gap = q.gaps.find((g) => g.id === part.gap)!;
      return gap.options ? { gap: gap.id, options: order(inLang(gap.options, lang)) } : { gap: gap.id };
    }),
  }),
} satisfies Kind<'cloze'>;
