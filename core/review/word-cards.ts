import type { GlossaryEntry } from '../content/schema.ts';
import { headword } from '../content/headword.ts';
import { matchForm, SPLIT } from '../content/terms.ts';
import { shuffle } from '../quiz/random.ts';
import type { Question } from '../quiz/schema.ts';
import { cardId, type WordKind } from './card-id.ts';
import { ARTICLES, pluralOf } from './noun-forms.ts';
import { productionPromptKey, type ProductionPromptKey } from './production-prompt.ts';

/** Texts of the cards in each UI language (from the locales), so that a language is a locale change only. */
export type ReviewTextKey = 'recognition' | ProductionPromptKey | 'gap' | 'wrongArticle' | 'plural' | 'noArticle';
export type ReviewTexts = (lang: string, key: ReviewTextKey, vars: Record<string, string>) => string;

export interface WordCardInput {
  glossary: readonly GlossaryEntry[];
  /** German text of each article sentence by id. */
  sentence: (id: string) => string | undefined;
  /** Content languages: every text of a card's question exists in each. */
  languages: readonly string[];
  texts: ReviewTexts;
}

/** A card ready to ask: the question (with its key: server only) and the sentence it comes from. */
export interface BuiltCard {
  id: string;
  kind: WordKind | 'question';
  question: Question;
  /** The article sentence shown with the question (recognition, gap), and the words it is about. */
  context?: { sentenceId: string; focus: string };
}

const perLang = <T>(languages: readonly string[], f: (lang: string) => T) => Object.fromEntries(languages.map((l) => [l, f(l)]));

/** Where a form of the entry occurs: the first sentence and the spans of its parts there. */
function occurrence(e: GlossaryEntry, input: WordCardInput) {
  for (const id of e.sentences) {
    const text = input.sentence(id);
    if (!text) continue;
    // The form with the most parts first: a split verb ("sieht … vor") is the better gap.
    const forms = [...e.forms].sort((a, b) => b.split(SPLIT).length - a.split(SPLIT).length);
    for (const form of forms) {
      const spans = matchForm(text, form)[0];
      if (spans) return { sentenceId: id, text, spans };
    }
  }
  return null;
}

/** Which kinds of card an entry gives: every entry a recognition and a production card; split verbs and phrases a gap too. */
export function wordKinds(e: GlossaryEntry): WordKind[] {
  const gap = !!e.separable || e.pos === 'phrase' || e.pos === 'conjunction' || e.forms.some((f) => f.includes(SPLIT));
  return gap ? ['recognition', 'production', 'gap'] : ['recognition', 'production'];
}

function recognition(e: GlossaryEntry, input: WordCardInput): BuiltCard | null {
  const at = occurrence(e, input);
  if (!at) return null;
  const focus = at.spans.map(([s, end]) => at.text.slice(s, end)).join(SPLIT);
  const gloss = (x: GlossaryEntry, l: string) => x.gloss[l] ?? Object.values(x.gloss)[0]!;
  // Distractors: other entries, the same part of speech first, with glosses unlike the right one.
  const others = shuffle(
    input.glossary.filter((x) => x.id !== e.id),
    `distractors:${e.id}`,
  ).sort((a, b) => Number(b.pos === e.pos) - Number(a.pos === e.pos));
  const picked: GlossaryEntry[] = [];
  for (const x of others) {
    if (picked.length === 3) break;
    if (input.languages.every((l) => gloss(x, l) !== gloss(e, l) && picked.every((p) => gloss(p, l) !== gloss(x, l)))) picked.push(x);
  }
  const id = cardId({ type: 'word', entryId: e.id, kind: 'recognition' });
  return {
    id,
    kind: 'recognition',
    context: { sentenceId: at.sentenceId, focus },
    question: {
      id,
      type: 'single',
      prompt: perLang(input.languages, (l) => input.texts(l, 'recognition', { word: focus })),
      choices: [e, ...picked].map((x, i) => ({
        id: `c${i}`,
        text: perLang(input.languages, (l) => gloss(x, l)),
        ...(i === 0 ? { correct: true } : {}),
      })),
      explanation: perLang(input.languages, (l) => `${headword(e)}: ${gloss(e, l)}`),
      sources: [at.sentenceId],
    },
  };
}

/**
 * What a learner can type for a lemma: without its grammar note ("auf Kosten (+ Gen.)" is written "auf
 * Kosten"), and a paired phrase ("nicht nur … sondern auch") with "…", with "..." or with nothing between.
 */
function writtenForms(lemma: string): string[] {
  const plain = lemma.replace(/\s*\([^)]*\)/g, '').trim();
  if (!plain.includes('…')) return [plain];
  return [plain, plain.replace(/…/g, '...'), plain.replace(/\s*…\s*/g, ' ')];
}

/** Accepted answers of a production card: the headword, and the near misses a teacher would name. */
function productionAnswers(e: GlossaryEntry, lang: string, texts: ReviewTexts) {
  if (e.pos !== 'noun' || !e.gender || e.gender === 'pl') return writtenForms(e.lemma).map((text) => ({ text, weight: 1 }));
  const article = ARTICLES[e.gender];
  const right = `${article} ${e.lemma}`;
  const answers: Array<{ text: string; weight: number; feedback?: string }> = [{ text: right, weight: 1 }];
  for (const other of Object.values(ARTICLES))
    if (other !== article)
      answers.push({ text: `${other} ${e.lemma}`, weight: 0, feedback: texts(lang, 'wrongArticle', { given: other, right }) });
  answers.push({ text: e.lemma, weight: 0, feedback: texts(lang, 'noArticle', { right }) });
  const plural = pluralOf(e);
  if (plural && plural !== e.lemma) {
    answers.push({ text: `die ${plural}`, weight: 0, feedback: texts(lang, 'plural', { given: `die ${plural}`, right }) });
    answers.push({ text: plural, weight: 0, feedback: texts(lang, 'plural', { given: plural, right }) });
  }
  return answers;
}

function production(e: GlossaryEntry, input: WordCardInput): BuiltCard {
  const id = cardId({ type: 'word', entryId: e.id, kind: 'production' });
  const noun = e.pos === 'noun' && e.gender !== 'pl';
  return {
    id,
    kind: 'production',
    question: {
      id,
      type: 'short',
      prompt: perLang(input.languages, (l) => input.texts(l, productionPromptKey(e), { gloss: e.gloss[l] ?? Object.values(e.gloss)[0]! })),
      answers: perLang(input.languages, (l) => productionAnswers(e, l, input.texts)),
      // German nouns are written with a capital: for a noun, case is part of the answer.
      caseSensitive: noun,
      typoTolerance: true,
      explanation: perLang(input.languages, (l) => `${headword(e)}: ${e.gloss[l] ?? Object.values(e.gloss)[0]!}`),
      sources: [...e.sentences],
    },
  };
}

function gap(e: GlossaryEntry, input: WordCardInput): BuiltCard | null {
  const at = occurrence(e, input);
  if (!at) return null;
  let text = '';
  let from = 0;
  at.spans.forEach(([s, end], i) => {
    text += `${at.text.slice(from, s)}{{g${i + 1}}}`;
    from = end;
  });
  text += at.text.slice(from);
  const gaps = at.spans.map(([s, end], i) => ({ id: `g${i + 1}`, answers: perLang(input.languages, () => [at.text.slice(s, end)]) }));
  const id = cardId({ type: 'word', entryId: e.id, kind: 'gap' });
  return {
    id,
    kind: 'gap',
    context: { sentenceId: at.sentenceId, focus: at.spans.map(([s, end]) => at.text.slice(s, end)).join(SPLIT) },
    question: {
      id,
      type: 'cloze',
      prompt: perLang(input.languages, (l) => input.texts(l, 'gap', { gloss: e.gloss[l] ?? Object.values(e.gloss)[0]! })),
      // The gaps are in the German sentence, whatever the UI language.
      text: perLang(input.languages, () => text),
      gaps,
      caseSensitive: false,
      typoTolerance: true,
      explanation: perLang(input.languages, (l) => `${headword(e)}: ${e.gloss[l] ?? Object.values(e.gloss)[0]!}`),
      sources: [at.sentenceId],
    },
  };
}

/** One card of a glossary entry, or null when the entry has no card of that kind. */
export function wordCard(e: GlossaryEntry, kind: WordKind, input: WordCardInput): BuiltCard | null {
  if (!wordKinds(e).includes(kind)) return null;
  if (kind === 'recognition') return recognition(e, input);
  if (kind === 'production') return production(e, input);
  return gap(e, input);
}

/** The ids of every card an entry gives. */
export const wordCardIds = (e: GlossaryEntry) => wordKinds(e).map((kind) => cardId({ type: 'word', entryId: e.id, kind }));
