// Every UI word in its own language: renders each question kind's fields and feedback (unanswered, answered
// wrong, answered right) the way the pages do, in both directions (UI en with German questions, UI de with
// English ones), and finds no UI text inside an element whose effective `lang` is the content language.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { grade, keyedResponse } from '../../core/quiz/grade.ts';
import { learnerCopy } from '../../core/quiz/learner.ts';
import { questionSchemas, type Question } from '../../core/quiz/schema.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { Feedback } from '../../web/quiz/feedback.tsx';
import { QuestionFields } from '../../web/quiz/question-fields.tsx';
import type { CheckResult, QuizLabels } from '../../web/quiz/types.ts';
import { tFor } from '../../worker/render/i18n.ts';
import { quizLabels } from '../../worker/render/labels.ts';
import { content } from '../../worker/services/content.ts';
import { testIds } from './grading-helpers.ts';

/** Public ids of one attempt (issue 17): a stand-in for the worker's MAC, as in the grading tests. */
const IDS = testIds('a11y');
const OPEN = '⟦';
const CLOSE = '⟧';

/** The real labels of one UI language, each marked so that its words can be found in the rendered HTML. */
function markedLabels(ui: string): QuizLabels {
  const real = quizLabels(tFor(ui));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(real)) out[k] = typeof v === 'string' && k !== 'lang' ? `${OPEN}${v}${CLOSE}` : v;
  return out as unknown as QuizLabels;
}

/** A response that is wrong in every part, for the feedback of a miss. */
function wrongResponse(q: Question, lang: string): AnyResponse {
  const key = keyedResponse(q, lang, IDS) as Record<string, any>;
  const copy = learnerCopy(q, lang, IDS) as any;
  switch (q.type) {
    case 'single':
      return { choice: copy.choices.find((c: { id: string }) => c.id !== key.choice).id };
    case 'multiple':
      return {
        choices: copy.choices
          .filter((c: { id: string }) => !key.choices.includes(c.id))
          .map((c: { id: string }) => c.id)
          .slice(0, 1),
      };
    case 'truefalse':
      return { value: !key.value };
    case 'short':
    case 'essay':
    case 'dictation':
      return { text: 'Zylinder' };
    case 'numerical':
      return { number: 123456.5 };
    case 'cloze':
      return { gaps: Object.fromEntries(Object.keys(key.gaps).map((g) => [g, 'xyz'])) };
    case 'match': {
      const rights = Object.values(key.pairs) as string[];
      return { pairs: Object.fromEntries(Object.keys(key.pairs).map((l, i) => [l, rights[(i + 1) % rights.length]!])) };
    }
    case 'order':
      return { order: [...key.order].reverse() };
  }
}

const withSources = (r: ReturnType<typeof grade>): CheckResult => ({
  ...r,
  sources: r.sources.map((id) => ({ id, lesson: 'alliance', text: { de: 'Ein Satz.', en: 'A sentence.' } })),
});

/** Text nodes and labelling attributes whose nearest `lang` differs from the UI language, yet hold UI words. */
function misplacedUiText(html: string, ui: string): string[] {
  const found: string[] = [];
  const walk = (nodes: ChildNode[], lang: string) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (lang !== ui && (node.data.includes(OPEN) || node.data.includes(CLOSE))) found.push(`lang=${lang}: "${node.data}"`);
      } else if ('attribs' in node) {
        const el = node as Element;
        const own = el.attribs.lang ?? lang;
        for (const a of ['aria-label', 'title', 'placeholder'])
          if (el.attribs[a]?.includes(OPEN) && own !== ui) found.push(`lang=${own}: ${a}="${el.attribs[a]}"`);
        walk(el.children, own);
      }
    }
  };
  walk(parseDocument(html).children, ui);
  return found;
}

// One question of every kind: the course's own (the built bundle, as the worker serves it), and an essay as
// instructors write them (the course has none).
const kinds = new Map<string, Question>();
for (const q of Object.values(content.questions).flat()) if (!kinds.has(q.type)) kinds.set(q.type, q);
const essay = questionSchemas(['de', 'en']).Question.parse({
  id: 'essay-q',
  type: 'essay',
  prompt: { de: 'Was denken Sie?', en: 'What do you think?' },
  explanation: { de: 'Eine Meinung.', en: 'An opinion.' },
});
kinds.set('essay', essay);

const directions = [
  { ui: 'en', content: 'de' },
  { ui: 'de', content: 'en' },
];

describe('UI words keep the UI language inside questions of the other language', () => {
  it('covers every question kind', () => {
    expect([...kinds.keys()].sort()).toEqual([
      'cloze',
      'dictation',
      'essay',
      'match',
      'multiple',
      'numerical',
      'order',
      'short',
      'single',
      'truefalse',
    ]);
  });

  for (const { ui, content } of directions)
    for (const [type, q] of kinds)
      it(`${type}: fields and feedback, UI ${ui} with ${content} questions`, () => {
        const labels = markedLabels(ui);
        const copy = learnerCopy(q, content, IDS);
        const page = (...children: VNode<any>[]) => renderToString(h('div', { lang: ui }, ...children));
        const inFieldset = (props: Record<string, unknown>) =>
          h('fieldset', { lang: content }, h(QuestionFields, { q: copy, labels, ...props }));
        const htmls = [page(inFieldset({}))];
        for (const response of [wrongResponse(q, content), keyedResponse(q, content, IDS)]) {
          const result = withSources(grade(q, response, content, { ids: IDS }));
          htmls.push(page(inFieldset({ given: response, locked: true, result })));
          // The feedback is placed inside the content language here, the strictest place it could be put.
          htmls.push(
            page(h('div', { lang: content }, h(Feedback, { result, labels, lang: content, uiLang: ui, headingId: 'fb' }))),
            page(h('div', { lang: content }, h(Feedback, { result, labels, lang: content, uiLang: ui, headingId: 'fb', marked: true }))),
          );
        }
        const all = htmls.join('\n');
        expect(all).toContain(OPEN); // UI words are really rendered, so the check below can fail
        expect(htmls.flatMap((html) => misplacedUiText(html, ui))).toEqual([]);
      });

  it('finds UI words placed in the content language (the check can fail)', () => {
    expect(misplacedUiText(`<div lang="en"><p lang="de">${OPEN}True${CLOSE}</p></div>`, 'en')).toHaveLength(1);
  });
});
