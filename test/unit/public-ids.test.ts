// The public-id scheme of issue 17 (docs/decisions/0007-public-ids.md): a keyed MAC per attempt that says
// nothing about authoring keys, and the core functions that list, look up and translate ids.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { grade, keyedResponse } from '../../core/quiz/grade.ts';
import { learnerCopy } from '../../core/quiz/learner.ts';
import { AUTHORING_IDS, idKeys, idRequests, idsFrom, ORDER_KEY, responseInKeys } from '../../core/quiz/public-ids.ts';
import { legacyPublicId } from '../../core/stats/legacy-ids.ts';
import { publicIdsFor, quizIds } from '../../worker/services/public-ids.ts';
import { cloze, contentLangs, contentQuestions, match, multiple, order, question, single, t } from '../fixtures/questions.ts';

const SECRET = 'unit-test-secret-0123456789';

/** The scheme as the decision record states it, computed independently with Node's crypto. */
function expectedId(secret: string, quizId: string, questionId: string, key: string, seed: string): string {
  const idKey = createHmac('sha256', secret).update('public-ids').digest();
  const mac = createHmac('sha256', idKey)
    .update(JSON.stringify([quizId, questionId, key, seed]))
    .digest();
  const half = (at: number) => mac.readUInt32BE(at).toString(36).padStart(7, '0');
  return half(0) + half(4);
}

const choiceGaps = question('cloze', {
  id: 'cloze-choices',
  text: t('{{g1}} und {{g2}} und {{g3}}'),
  gaps: [
    {
      id: 'g1',
      kind: 'single',
      shuffle: true,
      choices: [
        { id: 'a', text: t('eins'), weight: 1 },
        { id: 'b', text: t('zwei'), weight: 0 },
      ],
    },
    {
      id: 'g2',
      kind: 'multi',
      choices: [
        { id: 'a', text: t('A'), weight: 0.5 },
        { id: 'b', text: t('B'), weight: 0.5 },
        { id: 'c', text: t('C'), weight: -1 },
      ],
    },
    { id: 'g3', answers: { de: ['drei'], en: ['three'] } },
  ],
});

describe('publicIdsFor (worker/services/public-ids.ts)', () => {
  it('is HMAC-SHA-256 under HMAC(LEARNER_SECRET, "public-ids") of quiz, question, key and seed, cut to 64 bits', async () => {
    const ids = await publicIdsFor(SECRET, 'china', 'seed1', [single]);
    for (const key of idKeys(single)) {
      expect(ids(single.id, key)).toBe(expectedId(SECRET, 'china', single.id, key, 'seed1'));
      expect(ids(single.id, key)).toMatch(/^[0-9a-z]{14}$/);
    }
  });

  it('gives other ids for another seed, quiz, question or secret, and never the key or the old id', async () => {
    const base = await publicIdsFor(SECRET, 'china', 'seed1', [single]);
    const variants = [
      await publicIdsFor(SECRET, 'china', 'seed2', [single]),
      await publicIdsFor(SECRET, 'final', 'seed1', [single]),
      await publicIdsFor(`${SECRET}-rotated`, 'china', 'seed1', [single]),
    ];
    const renamed = { ...single, id: 'other-q' };
    const other = await publicIdsFor(SECRET, 'china', 'seed1', [renamed]);
    for (const c of single.choices) {
      const id = base(single.id, c.id);
      for (const v of variants) expect(v(single.id, c.id)).not.toBe(id);
      expect(other(renamed.id, c.id)).not.toBe(id);
      expect(id).not.toBe(c.id);
      expect(id).not.toBe(legacyPublicId(single.id, c.id));
    }
    expect(new Set(single.choices.map((c) => base(single.id, c.id))).size).toBe(single.choices.length);
  });

  it('refuses to make ids without a real secret (a deploy fault, never guessable ids)', async () => {
    await expect(publicIdsFor('', 'china', 'seed1', [single])).rejects.toThrow(/LEARNER_SECRET/);
    await expect(publicIdsFor('short', 'china', 'seed1', [single])).rejects.toThrow(/LEARNER_SECRET/);
  });

  it('are made once per quiz version and seed in an isolate, and again for another version, seed or secret', async () => {
    const env = { LEARNER_SECRET: SECRET } as Env;
    const quiz = { id: 'china', kind: 'lesson' as const, questions: [single], version: 'v1' };
    const first = await quizIds(env, quiz, 'seed1');
    expect(await quizIds(env, quiz, 'seed1')).toBe(first);
    for (const other of [
      quizIds(env, { ...quiz, version: 'v2' }, 'seed1'),
      quizIds(env, quiz, 'seed2'),
      quizIds({ LEARNER_SECRET: `${SECRET}-rotated` } as Env, quiz, 'seed1'),
    ])
      expect(await other).not.toBe(first);
    expect(first(single.id, 'a')).toBe(expectedId(SECRET, 'china', single.id, 'a', 'seed1'));
  });

  it('makes every id a content question needs, each one different within its question', async () => {
    const ids = await publicIdsFor(SECRET, 'all', 'seed1', contentQuestions);
    for (const q of contentQuestions) {
      const own = idKeys(q).map((k) => ids(q.id, k));
      expect(new Set(own).size, q.id).toBe(own.length);
    }
  });
});

describe('idKeys and idsFrom (core/quiz/public-ids.ts)', () => {
  it('list the keys behind every id a copy shows, and the shuffle key where a list is shuffled', () => {
    expect(idKeys(single)).toEqual(['a', 'b', 'c', ORDER_KEY]);
    expect(idKeys(match)).toEqual([...match.pairs.map((_, i) => `r${i}`), ...(match.distractors ?? []).map((_, i) => `d${i}`), ORDER_KEY]);
    expect(idKeys(order)).toEqual([...order.items.map((_, i) => `i${i}`), ORDER_KEY]);
    expect(idKeys(choiceGaps)).toEqual(['g1:a', 'g1:b', 'g2:a', 'g2:b', 'g2:c', ORDER_KEY]);
    expect(idKeys(question('truefalse', { id: 'tf', answer: true }))).toEqual([]);
  });

  it('look ids up, and throw for a key the attempt has no id for (our bug, never an invented id)', () => {
    const requests = idRequests([single]);
    const ids = idsFrom(
      requests,
      requests.map((r) => `id-${r.key}`),
    );
    expect(ids(single.id, 'b')).toBe('id-b');
    expect(() => ids(single.id, 'z')).toThrow(/no public id/);
    expect(() => ids('other', 'a')).toThrow(/no public id/);
  });

  it('grading a choice question without ids fails loudly instead of using the keys', () => {
    expect(() => grade(single, { choice: 'a' }, 'de')).toThrow(/public ids/);
  });
});

describe('learner copies and responseInKeys', () => {
  it('show only public ids, shuffled by the secret shuffle key', async () => {
    const ids = await publicIdsFor(SECRET, 'fixtures', 'seed1', [single, multiple, match, order, choiceGaps]);
    for (const q of [single, multiple, match, order, choiceGaps]) {
      const json = JSON.stringify(learnerCopy(q, 'de', ids));
      for (const key of idKeys(q)) {
        expect(json).not.toContain(`"${key}"`);
        expect(json).not.toContain(legacyPublicId(q.id, key));
      }
      // The shuffle key's id orders lists but is never shown.
      expect(json).not.toContain(ids(q.id, ORDER_KEY));
    }
  });

  it('turn a response in public ids into authoring keys for every kind with ids', async () => {
    const qs = [single, multiple, match, order, choiceGaps, cloze, ...contentQuestions];
    const ids = await publicIdsFor(SECRET, 'fixtures', 'seed7', qs);
    for (const q of qs)
      for (const lang of contentLangs) {
        const inKeys = responseInKeys(q, keyedResponse(q, lang, ids), ids);
        expect(inKeys, q.id).toEqual(keyedResponse(q, lang, AUTHORING_IDS));
        // A response in keys grades with the keys as ids (how item analysis reads the ledger).
        if (q.type !== 'essay') expect(grade(q, inKeys, lang, { ids: AUTHORING_IDS }).score, q.id).toBe(1);
      }
  });

  it('leave typed gaps as typed, even when the text looks like an id', async () => {
    const ids = await publicIdsFor(SECRET, 'fixtures', 'seed1', [choiceGaps]);
    const a = ids(choiceGaps.id, 'g1:a');
    expect(responseInKeys(choiceGaps, { gaps: { g1: a, g2: [ids(choiceGaps.id, 'g2:c')], g3: a } }, ids)).toEqual({
      gaps: { g1: 'g1:a', g2: ['g2:c'], g3: a },
    });
  });
});
