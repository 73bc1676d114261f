import type { Question, QuestionOf } from '../../quiz/schema.ts';
import { clozeTextSyntax, NotCloze } from '../cloze/write-gap.ts';
import { promptNotes } from '../cloze/write.ts';
import { textToHtml } from '../shared/plain-html.ts';
import { clozeWriters, fraction, htmlElement, plainElement, plainHtml, richElement, richHtml, type XmlWriting } from './write-text.ts';

/** A question's answers that Moodle XML cannot say: thrown by a kind's writer, caught as a skip with a note. */
export class NotMoodle extends Error {}

const fb = (w: XmlWriting, text: Readonly<Record<string, string>> | undefined) => richElement(w, 'feedback', text);
const oneFb = (text: string | undefined) => (text ? `<feedback format="html"><text><![CDATA[${text}]]></text></feedback>` : '');

/** The Moodle type and the elements after the question text, for each of our kinds. */
export function kindXml(w: XmlWriting, q: Question): { type: string; body: string; text?: string } {
  switch (q.type) {
    case 'single':
      return {
        type: 'multichoice',
        body:
          '<single>true</single><shuffleanswers>true</shuffleanswers>' +
          q.choices
            .map((c) =>
              richElement(w, 'answer', c.text, ` fraction="${c.correct ? 100 : fraction(c.credit ?? 0)}"`).replace(
                /<\/answer>$/,
                () => `${fb(w, c.feedback)}</answer>`,
              ),
            )
            .join(''),
      };
    case 'multiple':
      return {
        type: 'multichoice',
        body:
          '<single>false</single><shuffleanswers>true</shuffleanswers>' +
          q.choices
            .map((c) =>
              richElement(w, 'answer', c.text, ` fraction="${fraction(c.weight)}"`).replace(
                /<\/answer>$/,
                () => `${fb(w, c.feedback)}</answer>`,
              ),
            )
            .join(''),
      };
    case 'truefalse': {
      const answer = (value: boolean) =>
        `<answer fraction="${value === q.answer ? 100 : 0}" format="moodle_auto_format"><text>${value}</text>${fb(w, value === q.answer ? q.feedback?.right : q.feedback?.wrong)}</answer>`;
      return { type: 'truefalse', body: answer(true) + answer(false) };
    }
    case 'short':
      if (q.typoTolerance) w.notes.push(`question ${q.id}: its typo tolerance is not part of Moodle XML; it comes back without.`);
      return { type: 'shortanswer', body: `<usecase>${q.caseSensitive ? 1 : 0}</usecase>${typedAnswers(w, q)}` };
    case 'numerical':
      return { type: 'numerical', body: numericalAnswers(w, q) };
    case 'match':
      return {
        type: 'matching',
        body:
          '<shuffleanswers>true</shuffleanswers>' +
          q.pairs
            .map((p) =>
              htmlElement(w, 'subquestion', richHtml(w, p.left)).replace(
                /<\/subquestion>$/,
                () => `${answerText(w, p.right)}</subquestion>`,
              ),
            )
            .join('') +
          (q.distractors ?? []).map((d) => `<subquestion format="html"><text></text>${answerText(w, d)}</subquestion>`).join(''),
      };
    case 'order':
      return {
        type: 'ordering',
        body:
          '<layouttype>VERTICAL</layouttype><selecttype>ALL</selecttype><selectcount>0</selectcount><gradingtype>ABSOLUTE_POSITION</gradingtype>' +
          q.items.map((item, i) => htmlElement(w, 'answer', plainHtml(w, item), ` fraction="${i + 1}"`)).join(''),
      };
    case 'essay':
      return { type: 'essay', body: `<responseformat>editor</responseformat>${richElement(w, 'graderinfo', q.modelAnswer)}` };
    case 'cloze':
      return clozeXml(w, q);
    default:
      // Kinds Moodle has no type for (a dictation: Moodle cannot speak a sentence) are left out with a note.
      throw new NotMoodle(`Moodle has no "${(q as { type: string }).type}" question type`);
  }
}

const answerText = (w: XmlWriting, text: Readonly<Record<string, string>>) =>
  `<answer format="html"><text><![CDATA[${plainHtml(w, text)}]]></text></answer>`;

/** Typed answers: written once when every language has the same list, else each language's in a multilang span. */
function typedAnswers(w: XmlWriting, q: QuestionOf<'short'>): string {
  const lists = w.langs.map((l) => q.answers[l] ?? []);
  const same = lists.every((l) => JSON.stringify(l) === JSON.stringify(lists[0]));
  const entries = same
    ? lists[0]!.map((a) => ({ a, text: a.text }))
    : w.langs.flatMap((l, k) => lists[k]!.map((a) => ({ a, text: `<span lang="${l}" class="multilang">${textToHtml(a.text)}</span>` })));
  return entries
    .map(({ a, text }) =>
      plainElement('answer', text, ` fraction="${fraction(a.weight)}"`).replace(/<\/answer>$/, () => `${oneFb(a.feedback)}</answer>`),
    )
    .join('');
}

/** A value with a tolerance; a range becomes its middle with half its width (noted: it comes back so). */
function valueOf(
  w: XmlWriting,
  q: Question,
  a: { answer?: number | undefined; tolerance?: number; min?: number | undefined; max?: number | undefined },
) {
  if (a.answer !== undefined) return { answer: a.answer, tolerance: a.tolerance ?? 0 };
  w.notes.push(`question ${q.id}: the range ${a.min}..${a.max} comes back as ${(a.min! + a.max!) / 2} ± ${(a.max! - a.min!) / 2}.`);
  return { answer: (a.min! + a.max!) / 2, tolerance: (a.max! - a.min!) / 2 };
}

function numericalAnswers(w: XmlWriting, q: QuestionOf<'numerical'>): string {
  const main = valueOf(w, q, q);
  const one = (v: { answer: number; tolerance: number }, weight: number, feedback: string) =>
    `<answer fraction="${fraction(weight)}" format="moodle_auto_format"><text>${v.answer}</text><tolerance>${v.tolerance}</tolerance>${feedback}</answer>`;
  return [
    one(main, 1, fb(w, q.answerFeedback)),
    ...(q.alternatives ?? []).map((a) => one(valueOf(w, q, a), a.weight, oneFb(a.feedback))),
    ...(q.otherFeedback ? [`<answer fraction="0" format="moodle_auto_format"><text>*</text>${fb(w, q.otherFeedback)}</answer>`] : []),
  ].join('');
}

/** A cloze question as Moodle's `cloze` type: the question text carries the embedded answers. */
function clozeXml(w: XmlWriting, q: QuestionOf<'cloze'>) {
  try {
    const cw = clozeWriters(w);
    const text = clozeTextSyntax(q, w.langs, cw, w.notes).replace(/^\[html\]/, '');
    w.notes.push(...promptNotes(q, w.langs));
    if (q.typoTolerance) w.notes.push(`question ${q.id}: its typo tolerance is not part of Moodle XML; it comes back without.`);
    return { type: 'cloze', body: '', text };
  } catch (e) {
    if (e instanceof NotCloze) throw new NotMoodle(e.message);
    throw e;
  }
}
