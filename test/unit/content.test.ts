import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ContentError, loadContent, type ContentFiles } from '../../core/content/load.ts';
import { readContentFiles, readLocales } from '../../core/content/read-files.ts';
import { matchForm } from '../../core/content/terms.ts';

const root = new URL('../..', import.meta.url).pathname;
const files = readContentFiles(root);
const content = loadContent(files);
const de = (id: string) => content.article.sentences.find((s) => s.id === id)!.text.de!;
const clone = (f: ContentFiles): ContentFiles => JSON.parse(JSON.stringify(f));

describe('content files', () => {
  it('all validate against the one schema', () => {
    expect(Object.keys(files).filter((f) => f.startsWith('content/questions/')).length).toBe(content.lessons.length);
    expect(content.lessons).toHaveLength(6);
  });

  it('hold the whole source article, sentence by sentence, with exactly the two recorded corrections', () => {
    const source = readFileSync(new URL('../../content/source/000_8ac55cb9fd5907dc.txt', import.meta.url), 'utf8');
    const paragraphs = source.split('\n').filter((p) => p.trim());
    expect(content.article.sentences).toHaveLength(17);
    paragraphs.forEach((p, i) => {
      const ours = content.article.sentences
        .filter((s) => s.paragraph === i + 1)
        .map((s) => s.text.de)
        .join(' ');
      const corrected = content.article.corrections.reduce((text, c) => text.replace(c.original, c.corrected), p.trim());
      expect(ours).toBe(corrected);
    });
    expect(content.article.corrections.map((c) => c.corrected)).toEqual([
      'Produzent und Exporteur',
      'in einer zunehmend multipolaren Weltordnung',
    ]);
  });

  it('translate every sentence into English', () => {
    for (const s of content.article.sentences) expect(s.text.en, s.id).toMatch(/[.!?"]$/);
  });

  it('give six lessons with two or three goals and key facts from their own paragraph', () => {
    content.lessons.forEach((l, i) => {
      expect(l.paragraph).toBe(i + 1);
      expect(l.goals.length).toBeGreaterThanOrEqual(2);
    });
  });

  it('have a glossary of at least 50 entries whose forms occur in the sentences they list', () => {
    expect(content.glossary.length).toBeGreaterThanOrEqual(50);
    for (const e of content.glossary)
      for (const id of e.sentences)
        expect(
          e.forms.some((f) => matchForm(de(id), f).length > 0),
          `${e.id} in ${id}`,
        ).toBe(true);
    expect(content.glossary.filter((e) => e.pos === 'noun').every((e) => e.gender && e.plural)).toBe(true);
  });

  it('match separable verbs split in the text to their entry', () => {
    const vorsehen = content.glossary.find((e) => e.separable === 'vor|sehen')!;
    expect(vorsehen.sentences).toEqual(['p3s1']);
    expect(matchForm(de('p3s1'), 'sieht … vor')).toHaveLength(1);
  });
});

describe('questions', () => {
  const all = Object.values(content.questions).flat();
  it('give every lesson at least 10 questions of at least 4 types, and use all eight types', () => {
    for (const lesson of content.lessons) {
      const qs = content.questions[lesson.id] ?? [];
      expect(qs.length, lesson.id).toBeGreaterThanOrEqual(10);
      expect(new Set(qs.map((q) => q.type)).size, lesson.id).toBeGreaterThanOrEqual(4);
    }
    expect(new Set(all.map((q) => q.type))).toEqual(
      new Set(['single', 'multiple', 'truefalse', 'short', 'cloze', 'match', 'order', 'numerical']),
    );
  });

  it('cite, each, at least one sentence of their own lesson', () => {
    for (const lesson of content.lessons)
      for (const q of content.questions[lesson.id] ?? []) {
        expect(q.sources.length, q.id).toBeGreaterThan(0);
        for (const id of q.sources)
          expect(content.article.sentences.find((s) => s.id === id)?.paragraph, `${q.id} cites ${id}`).toBe(lesson.paragraph);
      }
  });

  it('have enough for the final test to draw its minimum from every lesson', () => {
    const { questions, minPerLesson } = content.course.finalTest;
    expect(all.length).toBeGreaterThanOrEqual(questions);
    expect(minPerLesson * content.lessons.length).toBeLessThanOrEqual(questions);
  });
});

describe('an invalid content file', () => {
  it('is reported with its file name, the path inside it and the problem', () => {
    const broken = clone(files);
    (broken['content/article.json'] as any).sentences[2].text.en = '';
    try {
      loadContent(broken);
      expect.unreachable('the broken file was accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ContentError);
      const problems = (e as ContentError).problems;
      expect(problems).toContainEqual({ file: 'content/article.json', path: 'sentences[2].text.en', message: 'text in "en" is empty' });
      expect((e as Error).message).toContain('content/article.json: sentences[2].text.en');
    }
  });

  it('names a question file, a wrong key and every problem at once', () => {
    const broken = clone(files);
    const q = (broken['content/questions/china.json'] as any).questions;
    q[0].type = 'essay-ish';
    q[1].sources = ['p9s9'];
    const problems = (() => {
      try {
        loadContent(broken);
        return [];
      } catch (e) {
        return (e as ContentError).problems;
      }
    })();
    expect(problems.map((p) => `${p.file} ${p.path}`)).toEqual(expect.arrayContaining(['content/questions/china.json questions[0].type']));
  });

  it('catches a glossary entry whose sentence list is wrong', () => {
    const broken = clone(files);
    (broken['content/glossary.json'] as any)[0].sentences.push('p5s3');
    expect(() => loadContent(broken)).toThrow(/content\/glossary.json: \[0\]\.sentences/);
  });

  it('catches a missing file', () => {
    const broken = clone(files);
    delete broken['content/lessons.json'];
    expect(() => loadContent(broken)).toThrow(/content\/lessons.json: \(root\): file is missing/);
  });
});

describe('UI strings', () => {
  const locales = readLocales(root);
  const keys = (o: unknown, prefix = ''): string[] =>
    typeof o === 'object' && o !== null ? Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)) : [prefix];

  it('exist in every locale, with the same keys as English and no empty text', () => {
    const reference = keys(locales.en).sort();
    expect(Object.keys(locales).sort()).toEqual(['de', 'en']);
    for (const [lang, strings] of Object.entries(locales)) {
      expect(keys(strings).sort(), lang).toEqual(reference);
      for (const k of keys(strings))
        expect(
          k.split('.').reduce((o: any, p) => o[p], strings),
          `${lang}:${k}`,
        ).not.toBe('');
    }
  });

  it('cover every content language, part of speech and gender that content uses', () => {
    for (const lang of Object.keys(locales)) {
      const l = locales[lang] as any;
      for (const c of content.course.languages) expect(l.languages[c], `${lang}: languages.${c}`).toBeTruthy();
      for (const e of content.glossary) {
        expect(l.glossary.pos[e.pos], `${lang}: glossary.pos.${e.pos}`).toBeTruthy();
        if (e.gender) expect(l.glossary.gender[e.gender]).toBeTruthy();
      }
    }
  });
});
