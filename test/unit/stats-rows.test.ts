// Item analysis reads ledger responses in authoring keys (issue 17: public ids differ per attempt), and rows
// recorded earlier with the old unkeyed ids still count, on the same rows.
import { describe, expect, it } from 'vitest';
import { responseRows } from '../../core/stats/rows.ts';
import { legacyPublicId } from '../../core/stats/legacy-ids.ts';
import { ResponseTally, type TallyAnswer } from '../../core/stats/tally.ts';
import { match, multiple, order, question, single, t } from '../fixtures/questions.ts';

const tally = (answers: TallyAnswer[]) => {
  const tl = new ResponseTally();
  for (const a of answers) tl.add(a);
  return tl.rows();
};
const old = (q: { id: string }, key: string) => legacyPublicId(q.id, key);

describe('response rows from the ledger', () => {
  it('count a single choice by its key, old rows (old ids) and new rows (keys) on the same row', () => {
    const tallies = tally([
      { type: 'single', response: { choice: 'b' } },
      { type: 'single', response: { choice: old(single, 'b') } },
      { type: 'single', response: { choice: 'a' } },
    ]);
    const rows = responseRows(single, tallies, 'en');
    expect(rows.map((r) => [r.text, r.count, r.score])).toEqual([
      ['Right', 1, 1],
      ['Wrong one', 2, 0],
      ['Wrong two', 0, 0],
    ]);
  });

  it('count multiple-response choices, match pairs and orders by keys, whatever scheme they were stored in', () => {
    const m = responseRows(multiple, tally([{ type: 'multiple', response: { choices: ['a', old(multiple, 'd')] } }]), 'en');
    expect(m.filter((r) => r.count).map((r) => r.text)).toEqual(['A', 'D']);

    const pairs = responseRows(
      match,
      tally([
        { type: 'match', response: { pairs: { l1: 'r0', l2: 'r2' } } },
        { type: 'match', response: { pairs: { l1: old(match, 'r0') } } },
      ]),
      'en',
    );
    expect(pairs.filter((r) => r.count).map((r) => [r.part, r.text, r.count, r.score])).toEqual([
      ['l1', 'verschärfen → to tighten', 2, 1],
      ['l2', 'unerlässlich → warning signs', 1, 0],
    ]);

    const keys = ['i1', 'i0', 'i2', 'i3', 'i4'];
    const orders = responseRows(
      order,
      tally([
        { type: 'order', response: { order: keys } },
        { type: 'order', response: { order: keys.map((k) => old(order, k)) } },
      ]),
      'en',
    );
    expect(orders).toEqual([{ text: 'two → one → three → four → five', count: 2, score: 0.75, typed: false, value: keys.join(' ') }]);
  });

  it('show a cloze choice gap by its choice text, not its key', () => {
    const q = question('cloze', {
      id: 'cloze-mc',
      text: t('Japan ist {{g1}}.', 'Japan is {{g1}}.'),
      gaps: [
        {
          id: 'g1',
          kind: 'single',
          choices: [
            { id: 'a', text: t('ein Verbündeter', 'an ally'), weight: 1 },
            { id: 'b', text: t('ein Rivale', 'a rival'), weight: 0 },
          ],
        },
      ],
    });
    const tallies = tally([
      { type: 'cloze', response: { gaps: { g1: 'g1:b' } }, normalized: ['g1:b'] },
      { type: 'cloze', response: { gaps: { g1: old(q, 'g1:b') } }, normalized: [old(q, 'g1:b')] },
      { type: 'cloze', response: { gaps: { g1: 'g1:a' } }, normalized: ['g1:a'] },
    ]);
    expect(responseRows(q, tallies, 'en').map((r) => [r.part, r.text, r.count, r.score])).toEqual([
      ['g1', 'a rival', 2, 0],
      ['g1', 'an ally', 1, 1],
    ]);
  });
});
