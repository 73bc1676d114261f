import type { PickerItem } from '../../../web/pages/lti/deep-link-picker.tsx';
import { tFor } from '../../render/i18n.ts';
import type { LinkableQuiz } from '../../services/lti/quiz-links.ts';

/** A linkable quiz's title in `lang` (else its first language), and the language it is in. */
export function titleIn(quiz: LinkableQuiz, lang: string): { title: string; titleLang: string } {
  if (quiz.kind === 'final') return { title: tFor(lang)('lti.picker.finalTest'), titleLang: lang };
  const own = quiz.title[lang];
  if (own) return { title: own, titleLang: lang };
  const [first, text] = Object.entries(quiz.title)[0] ?? [lang, quiz.quiz];
  return { title: text, titleLang: first };
}

/** The picker's rows in the UI language. */
export const pickerItems = (quizzes: LinkableQuiz[], lang: string): PickerItem[] =>
  quizzes.map((q) => ({ quiz: q.quiz, kind: q.kind, ...titleIn(q, lang) }));
