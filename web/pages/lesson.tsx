import type { Article, GlossaryEntry, Lesson } from '../../core/content/schema.ts';
import { pick } from '../../core/content/localized.ts';
import { headword } from '../../core/content/headword.ts';
import { Island } from '../island.tsx';
import { ReviewAdd, ReviewAdded } from '../components/review-add.tsx';
import { Reader, type ReaderData, type ReaderProps } from '../islands/reader.tsx';
import { href, sentenceParts, usePage } from '../page-context.ts';
import { SetList, type SetLink } from '../components/set-list.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';

export interface LessonPageProps {
  lesson: Lesson;
  number: number;
  prev?: Lesson;
  next?: Lesson;
  reader: ReaderProps;
  glossary: GlossaryEntry[];
  corrections: Article['corrections'];
  sourceLanguage: string;
  sets: SetLink[];
  /** After "Add to my review": how many cards were added (`?added=n`), else null. */
  added?: number | null;
}

/** The reader: lesson text with view switch and glossary terms, goals, key facts, glossary list. */
export function LessonPage(p: LessonPageProps) {
  const { t, lang } = usePage();
  const { lesson } = p;
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.overview'), href: href(lang, '/') }, { label: t('overview.lessonNumber', { n: p.number }) }]} />
      <h1>{pick(lesson.title, lang)}</h1>
      {lang !== p.sourceLanguage && (
        <p class="subtitle" lang={p.sourceLanguage}>
          {pick(lesson.title, p.sourceLanguage)}
        </p>
      )}
      <p class="lead">{pick(lesson.summary, lang)}</p>
      <ReviewAdded added={p.added ?? null} />

      <section aria-labelledby="goals-h" class="goals">
        <h2 id="goals-h">{t('lesson.goals')}</h2>
        <ul>
          {lesson.goals.map((g, i) => (
            <li key={i}>{pick(g, lang)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="text-h">
        <h2 id="text-h">{t('lesson.text')}</h2>
        <Island name="Reader" component={Reader} props={p.reader} data={{ close: t('lesson.close') } satisfies ReaderData} />
      </section>

      <p class="quiz-cta">
        <a class="button primary" href={href(lang, `/lessons/${lesson.id}/quiz`)}>
          {t('lesson.quizLink')}: {t('quiz.practice')}
        </a>
      </p>

      {p.sets.length > 0 && <SetList sets={p.sets} label={t('instructor.fromInstructors')} />}
      <KeyFacts lesson={lesson} />
      {p.corrections.length > 0 && <Corrections corrections={p.corrections} sourceLanguage={p.sourceLanguage} />}
      <Glossary lesson={lesson} glossary={p.glossary} sourceLanguage={p.sourceLanguage} />
      <Pager prev={p.prev} next={p.next} />
    </>
  );
}

/** The lesson's key facts, each with links to the sentences that say it. */
function KeyFacts({ lesson }: { lesson: Lesson }) {
  const { t, lang } = usePage();
  return (
    <section aria-labelledby="facts-h">
      <h2 id="facts-h">{t('lesson.keyFacts')}</h2>
      <ul class="facts">
        {lesson.keyFacts.map((f, i) => (
          <li key={i}>
            {pick(f, lang)}{' '}
            {f.sources.map((s) => (
              <a key={s} class="source-link" href={`#s-${s}`}>
                {t('lesson.sentenceRef', sentenceParts(s))}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the lesson text changed in the source, and why. */
function Corrections({ corrections, sourceLanguage }: { corrections: Article['corrections']; sourceLanguage: string }) {
  const { t, lang } = usePage();
  return (
    <section aria-labelledby="corr-h">
      <h2 id="corr-h">{t('lesson.corrections')}</h2>
      <ul>
        {corrections.map((c) => (
          <li key={c.sentenceId}>
            {t('lesson.correctionIntro')} <del lang={sourceLanguage}>{c.original}</del> → <ins lang={sourceLanguage}>{c.corrected}</ins>.{' '}
            {pick(c.why, lang)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The lesson's words with their grammar and glosses, each (and all of them) to add to the review. The
 * reader's glossary dialog is made from this markup (web/islands/glossary-popover.ts: `dt#g-<id>`, then
 * `.grammar`, `.gloss` and the `.review-add` form in its `dd`), which test/worker/lesson-reader.test.ts holds.
 */
function Glossary({ lesson, glossary, sourceLanguage }: { lesson: Lesson; glossary: GlossaryEntry[]; sourceLanguage: string }) {
  const { t, lang } = usePage();
  return (
    <section aria-labelledby="glossary-h">
      <h2 id="glossary-h">{t('lesson.glossary')}</h2>
      <ReviewAdd lesson={lesson.id} back={href(lang, `/lessons/${lesson.id}`)} />
      <dl class="glossary">
        {glossary.map((e) => (
          <div key={e.id} class="entry">
            <dt id={`g-${e.id}`} lang={sourceLanguage} tabIndex={-1}>
              {headword(e)}
            </dt>
            <dd>
              <span class="grammar">{grammarLabel(t, e)}</span>
              {glosses(e, lang).map((g) => (
                <span key={g.lang} class="gloss" lang={g.lang}>
                  {g.text}
                </span>
              ))}
              <ReviewAdd glossary={e.id} back={href(lang, `/lessons/${lesson.id}`)} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Links to the lessons before and after this one. */
function Pager({ prev, next }: { prev?: Lesson | undefined; next?: Lesson | undefined }) {
  const { t, lang } = usePage();
  return (
    <nav class="pager" aria-label={t('lesson.pager')}>
      {prev && (
        <a rel="prev" href={href(lang, `/lessons/${prev.id}`)}>
          ← {t('lesson.prev')}: {pick(prev.title, lang)}
        </a>
      )}
      {next && (
        <a rel="next" href={href(lang, `/lessons/${next.id}`)}>
          {t('lesson.next')}: {pick(next.title, lang)} →
        </a>
      )}
    </nav>
  );
}

type T = ReturnType<typeof usePage>['t'];

/** "noun, feminine, no plural" / "verb, separable" / "noun, masculine, weak noun" / "…, with von + Dat." in the UI language. */
export function grammarLabel(t: T, e: GlossaryEntry): string {
  const parts = [t(`glossary.pos.${e.pos}`)];
  if (e.gender) parts.push(t(`glossary.gender.${e.gender}`));
  if (e.separable) parts.push(t('glossary.separable'));
  if (e.noPlural) parts.push(t('glossary.noPlural'));
  if (e.weak) parts.push(t('glossary.weak'));
  if (e.preposition) parts.push(t('glossary.preposition', { preposition: e.preposition }));
  return parts.join(', ');
}

/** The entry's glosses, the UI language first. */
export function glosses(e: GlossaryEntry, lang: string): { lang: string; text: string }[] {
  return Object.entries(e.gloss)
    .map(([l, text]) => ({ lang: l, text }))
    .sort((a, b) => Number(b.lang === lang) - Number(a.lang === lang));
}
