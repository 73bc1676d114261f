import type { TFunction } from 'i18next';
import type { QuizLabels } from '../../web/quiz/types.ts';
import { contentLanguages } from '../services/content.ts';

const cache = new Map<TFunction, QuizLabels>();

/** The quiz strings of one UI language, for server rendering and for the islands' props. */
export function quizLabels(t: TFunction): QuizLabels {
  let labels = cache.get(t);
  if (labels) return labels;
  // Placeholders such as {{n}} are filled in by the components, so they are passed through untouched here.
  const keep = { n: '{{n}}', total: '{{total}}', expected: '{{expected}}', item: '{{item}}', word: '{{word}}', ending: '{{ending}}' };
  const raw = (key: `quiz.${keyof (typeof import('../../locales/en.json'))['quiz']}`) => String(t(key, keep));
  labels = {
    // getFixedT() gives its language as `lng`; English if a test hands in another kind of t.
    lang: (t as { lng?: string }).lng ?? 'en',
    check: raw('quiz.check'),
    fillGaps: raw('quiz.fillGaps'),
    next: raw('quiz.next'),
    finish: raw('quiz.finish'),
    correct: raw('quiz.correct'),
    partly: raw('quiz.partly'),
    wrong: raw('quiz.wrong'),
    yourAnswer: raw('quiz.yourAnswer'),
    noAnswer: raw('quiz.noAnswer'),
    solution: raw('quiz.solution'),
    explanation: raw('quiz.explanation'),
    source: raw('quiz.source'),
    readInLesson: raw('quiz.readInLesson'),
    spelledAs: raw('quiz.spelledAs'),
    caseHint: raw('quiz.caseHint'),
    expected: raw('quiz.expected'),
    missed: raw('quiz.missed'),
    chosenWrong: raw('quiz.chosenWrong'),
    chosenRight: raw('quiz.chosenRight'),
    inOrder: raw('quiz.inOrder'),
    trueLabel: raw('quiz.true'),
    falseLabel: raw('quiz.false'),
    choose: raw('quiz.choose'),
    gap: raw('quiz.gap'),
    position: raw('quiz.position'),
    positionOf: raw('quiz.positionOf'),
    matchFor: raw('quiz.matchFor'),
    numberHint: raw('quiz.numberHint'),
    notAnswered: raw('quiz.notAnswered'),
    invalidNumber: raw('quiz.invalidNumber'),
    checking: raw('quiz.checking'),
    networkError: raw('quiz.networkError'),
    scoreOf: raw('quiz.scoreOf'),
    progress: raw('quiz.progress'),
    ungraded: raw('quiz.ungraded'),
    questionOf: raw('quiz.questionOf'),
    rightAnswer: raw('quiz.rightAnswer'),
    markRight: raw('quiz.markRight'),
    markWrong: raw('quiz.markWrong'),
    inPlace: raw('quiz.inPlace'),
    belongsAt: raw('quiz.belongsAt'),
    positionNone: raw('quiz.positionNone'),
    positionsProblem: raw('quiz.positionsProblem'),
    pairsProblem: raw('quiz.pairsProblem'),
    writtenAs: raw('quiz.writtenAs'),
    misplaced: raw('quiz.misplaced'),
    showOrder: raw('quiz.showOrder'),
    showPairs: raw('quiz.showPairs'),
    rightOrder: raw('quiz.rightOrder'),
    allInPlace: raw('quiz.allInPlace'),
    open: raw('quiz.open'),
    endingHint: raw('quiz.endingHint'),
    endingNone: raw('quiz.endingNone'),
    otherWord: raw('quiz.otherWord'),
    notAnsweredVerdict: raw('quiz.notAnsweredVerdict'),
    languageNames: Object.fromEntries(contentLanguages.map((l) => [l, t(`languages.${l}` as 'languages.de')])),
  };
  cache.set(t, labels);
  return labels;
}
