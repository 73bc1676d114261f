import { describe, expect, it } from 'vitest';
import type { QuestionSet } from '../../core/sets/schema.ts';
import type { SetStore } from '../../worker/stores/set-store.ts';

/** How a contract run gets a fresh, empty store, and how it makes the next learner read a cold one. */
export interface StoreUnderTest {
  make: () => SetStore;
  /** Forget what this isolate cached, as a learner on another isolate would (no-op in memory). */
  cold?: () => void;
}

const t = (de: string, en: string) => ({ de, en });
/** A small valid set; `title` tells versions apart. */
export const questionSet = (title: string): QuestionSet =>
  ({
    title: t(title, title),
    languages: ['de', 'en'],
    lesson: 'china',
    passages: [],
    questions: [{ id: 'q1', type: 'truefalse', prompt: t('Japan ist Partner der USA.', 'Japan is a partner of the US.'), answer: true }],
  }) as unknown as QuestionSet;
const source = (text: string) => ({ format: 'json' as const, text });
/** A set with a typed answer to accept into. */
const withShortAnswer = (title: string): QuestionSet =>
  ({
    ...questionSet(title),
    questions: [
      {
        id: 'cap',
        type: 'short',
        prompt: t('Hauptstadt Chinas?', 'Capital of China?'),
        answers: { de: [{ text: 'Peking', weight: 1 }], en: [{ text: 'Beijing', weight: 1 }] },
      },
    ],
  }) as unknown as QuestionSet;
const accept = (value: string) => ({ questionId: 'cap', value, lang: 'de', credit: 1 });

/**
 * The one behaviour every SetStore must have, run against each implementation (as hono's router suite runs
 * every router): test/worker/set-store.test.ts.
 */
export function setStoreContract(name: string, { make, cold = () => {} }: StoreUnderTest) {
  describe(`SetStore contract: ${name}`, () => {
    it('creates version 1 and lists and reads it back', async () => {
      const store = make();
      const v = await store.create(questionSet('Eins'), source('{"a":1}'));
      expect(v).toMatchObject({ version: 1, set: { title: { de: 'Eins' } }, source: { format: 'json', text: '{"a":1}' } });
      expect(v.id).toMatch(/^s-[a-z0-9]{4,20}$/);
      expect(await store.latest(v.id)).toEqual(v);
      expect(await store.version(v.id, 1)).toEqual(v);
      expect(await store.list()).toEqual([
        {
          id: v.id,
          title: { de: 'Eins', en: 'Eins' },
          languages: ['de', 'en'],
          lesson: 'china',
          latestVersion: 1,
          publishedVersion: null,
          questionCount: 1,
          createdAt: v.createdAt,
          updatedAt: v.createdAt,
          learnerCopyPending: false,
        },
      ]);
    });

    it('keeps every version when replacing, and numbers them on', async () => {
      const store = make();
      const v1 = await store.create(questionSet('A'), source('a'));
      const v2 = await store.replace(v1.id, questionSet('B'), source('b'));
      const v3 = await store.replace(v1.id, questionSet('C'), source('c'));
      expect([v2?.version, v3?.version]).toEqual([2, 3]);
      expect((await store.version(v1.id, 1))?.set.title.de).toBe('A');
      expect((await store.version(v1.id, 2))?.source.text).toBe('b');
      expect((await store.latest(v1.id))?.set.title.de).toBe('C');
      expect(await store.version(v1.id, 4)).toBeNull();
      expect((await store.list())[0]).toMatchObject({ latestVersion: 3, createdAt: v1.createdAt, updatedAt: v3!.createdAt });
    });

    it('answers null or false for a set that does not exist', async () => {
      const store = make();
      expect(await store.latest('s-nothere00')).toBeNull();
      expect(await store.version('s-nothere00', 1)).toBeNull();
      expect(await store.replace('s-nothere00', questionSet('X'), source('x'))).toBeNull();
      expect(await store.publish('s-nothere00')).toBeNull();
      expect(await store.unpublish('s-nothere00')).toBeNull();
      expect(await store.remove('s-nothere00')).toBe(false);
      expect(await store.published('s-nothere00')).toBeNull();
    });

    it('publishes the latest version; a later replace does not change what learners get until published again', async () => {
      const store = make();
      const v1 = await store.create(questionSet('Alt'), source('1'));
      expect(await store.listPublished()).toEqual([]);
      expect(await store.publish(v1.id)).toMatchObject({ id: v1.id, latestVersion: 1, publishedVersion: 1 });
      await store.replace(v1.id, questionSet('Neu'), source('2'));
      cold();
      expect((await store.published(v1.id))?.set.title.de).toBe('Alt');
      expect((await store.listPublished()).map((s) => [s.id, s.title.de, s.publishedVersion])).toEqual([[v1.id, 'Alt', 1]]);
      expect((await store.list())[0]).toMatchObject({ title: { de: 'Neu' }, latestVersion: 2, publishedVersion: 1 });
      expect(await store.publish(v1.id)).toMatchObject({ latestVersion: 2, publishedVersion: 2 });
      cold();
      expect((await store.published(v1.id))?.version).toBe(2);
      expect((await store.listPublished())[0]?.title.de).toBe('Neu');
    });

    it('unpublishes: learners no longer get the set, the instructor keeps it', async () => {
      const store = make();
      const { id } = await store.create(questionSet('A'), source('a'));
      await store.publish(id);
      expect(await store.unpublish(id)).toMatchObject({ publishedVersion: null });
      cold();
      expect(await store.published(id)).toBeNull();
      expect(await store.listPublished()).toEqual([]);
      expect(await store.latest(id)).not.toBeNull();
    });

    it('deletes the versions and the published copy together, and never reuses a number', async () => {
      const store = make();
      const { id } = await store.create(questionSet('A'), source('a'));
      await store.replace(id, questionSet('B'), source('b'));
      await store.publish(id);
      expect(await store.remove(id)).toBe(true);
      cold();
      expect(await store.latest(id)).toBeNull();
      expect(await store.version(id, 1)).toBeNull();
      expect(await store.published(id)).toBeNull();
      expect(await store.list()).toEqual([]);
      expect(await store.listPublished()).toEqual([]);
      expect(await store.replace(id, questionSet('C'), source('c'))).toBeNull();
      expect(await store.remove(id)).toBe(false);
      expect((await store.create(questionSet('D'), source('d'))).id).not.toBe(id);
    });

    it('accepts a typed answer literally into a new version of the version looked at, and keeps a live set live', async () => {
      const store = make();
      const { id } = await store.create(withShortAnswer('Live'), source('1'));
      await store.publish(id);
      const done = await store.acceptAnswer(id, 1, accept('*'));
      expect(done).toMatchObject({ status: 'accepted', text: '*', published: true, publishedVersion: 2, version: { version: 2 } });
      const answers = (v: unknown) =>
        (v as { set: { questions: Array<{ answers: { de: Array<{ text: string }> } }> } }).set.questions[0]!.answers.de;
      expect(answers(await store.latest(id)).map((a) => a.text)).toEqual(['Peking', '\\*']);
      cold();
      expect((await store.published(id))?.version).toBe(2);
      expect((await store.list())[0]).toMatchObject({ latestVersion: 2, publishedVersion: 2 });

      // A draft stays a draft; a live older version stays what learners get.
      await store.replace(id, withShortAnswer('Entwurf'), source('3'));
      expect(await store.acceptAnswer(id, 3, accept('Beijing'))).toMatchObject({
        status: 'accepted',
        published: false,
        publishedVersion: 2,
      });
      expect((await store.list())[0]).toMatchObject({ latestVersion: 4, publishedVersion: 2 });
    });

    it('refuses an accept from a version that is no longer the latest, a blank one, and one for a missing set, storing nothing', async () => {
      const store = make();
      const { id } = await store.create(withShortAnswer('A'), source('1'));
      await store.publish(id);
      await store.replace(id, withShortAnswer('B'), source('2'));
      expect(await store.acceptAnswer(id, 1, accept('Beijing'))).toEqual({ status: 'conflict', latestVersion: 2 });
      expect(await store.acceptAnswer(id, 2, accept(' \n '))).toEqual({ status: 'refused', reason: 'empty' });
      expect(await store.acceptAnswer(id, 2, { ...accept('x'), questionId: 'gone' })).toEqual({
        status: 'refused',
        reason: 'cannotAccept',
      });
      expect(await store.acceptAnswer('s-nothere00', 1, accept('x'))).toEqual({ status: 'notFound' });
      expect((await store.list())[0]).toMatchObject({ latestVersion: 2, publishedVersion: 1 });
      expect((await store.latest(id))?.set.title.de).toBe('B');
    });

    it('loses no set under 20 concurrent creates', async () => {
      const store = make();
      const made = await Promise.all(Array.from({ length: 20 }, (_, i) => store.create(questionSet(`Set ${i}`), source(`${i}`))));
      expect(new Set(made.map((v) => v.id)).size).toBe(20);
      expect((await store.list()).map((s) => s.id).sort()).toEqual(made.map((v) => v.id).sort());
      for (const v of made) expect((await store.latest(v.id))?.set.title).toEqual(v.set.title);
    });

    it('gives 10 concurrent replaces of one set the versions 2 to 11, each kept', async () => {
      const store = make();
      const { id } = await store.create(questionSet('0'), source('0'));
      const versions = await Promise.all(Array.from({ length: 10 }, (_, i) => store.replace(id, questionSet(`R${i}`), source(`${i}`))));
      expect(versions.map((v) => v!.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      for (const v of versions) expect((await store.version(id, v!.version))?.set.title.de).toBe(v!.set.title.de);
      expect((await store.latest(id))?.version).toBe(11);
    });
  });
}
