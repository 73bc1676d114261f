// Issue 18, item 1: a phone must not change what is graded. Renders the inputs of every question of the
// course (and an essay and a numerical question as instructors write them) as the quiz, practice and review
// pages do (QuestionFields), and checks that every field a learner types into turns off auto-capitalisation,
// autocorrect, spell checking and autocomplete.
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { learnerCopy } from '../../core/quiz/learner.ts';
import { questionSchemas, type Question } from '../../core/quiz/schema.ts';
import { QuestionFields } from '../../web/quiz/question-fields.tsx';
import { tFor } from '../../worker/render/i18n.ts';
import { quizLabels } from '../../worker/render/labels.ts';
import { content } from '../../worker/services/content.ts';
import { testIds } from './grading-helpers.ts';

const IDS = testIds('fields');
const schemas = questionSchemas(['de', 'en']);
const extra: Question[] = [
  schemas.Question.parse({ id: 'essay-q', type: 'essay', prompt: { de: 'Was denken Sie?', en: 'What do you think?' } }),
  schemas.Question.parse({ id: 'num-q', type: 'numerical', prompt: { de: 'Wie viele?', en: 'How many?' }, answer: 3 }),
];
const questions = [...Object.values(content.questions).flat(), ...extra];
const WANTED = { autocapitalize: 'off', autocorrect: 'off', spellcheck: 'false', autocomplete: 'off' };

/** The fields a learner types into in one rendering: text inputs and textareas. */
function typedFields(html: string): Element[] {
  const found: Element[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!('attribs' in node)) continue;
      const el = node as Element;
      if (el.name === 'textarea' || (el.name === 'input' && (el.attribs.type ?? 'text') === 'text')) found.push(el);
      walk(el.children);
    }
  };
  walk(parseDocument(html).children);
  return found;
}

/** The attributes of a field that differ from the wanted ones. */
function missing(attribs: Record<string, string>): string[] {
  return Object.entries(WANTED)
    .filter(([k, v]) => attribs[k] !== v)
    .map(([k, v]) => `${k}="${attribs[k] ?? '(none)'}", wanted "${v}"`);
}

describe('every field a learner types an answer into keeps what was typed', () => {
  const labels = quizLabels(tFor('en'));
  for (const lang of ['de', 'en'])
    it(`turns off auto-capitalisation, autocorrect, spell checking and autocomplete (${lang})`, () => {
      const seen = new Set<string>();
      const problems: string[] = [];
      for (const q of questions) {
        const html = renderToString(h(QuestionFields, { q: learnerCopy(q, lang, IDS), labels }));
        for (const field of typedFields(html)) {
          seen.add(q.type);
          for (const p of missing(field.attribs)) problems.push(`${q.id} ${field.attribs.id}: ${p}`);
        }
      }
      // Every kind with a typed field is really rendered, so the check above can fail.
      expect([...seen].sort()).toEqual(['cloze', 'dictation', 'essay', 'numerical', 'short']);
      expect(problems).toEqual([]);
    });

  it('reports a field without the attributes (the check can fail)', () => {
    const [field] = typedFields('<input type="text" autocomplete="off" spellcheck="false">');
    expect(missing(field!.attribs)).toHaveLength(2);
    expect(typedFields('<input type="radio"><select></select>')).toHaveLength(0);
  });
});
