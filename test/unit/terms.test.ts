import { describe, expect, it } from 'vitest';
import { findTerms, matchForm, segment } from '../../core/content/terms.ts';
import { headword } from '../../core/content/headword.ts';

describe('findTerms', () => {
  const entries = [
    { id: 'einlaeuten', forms: ['läutet … ein', 'eingeläutet'] },
    { id: 'zeitalter', forms: ['Zeitalter'] },
    { id: 'erden', forms: ['seltenen Erden'] },
    { id: 'erde', forms: ['Erden'] },
  ];

  it('marks both parts of a separable verb that the sentence splits', () => {
    const text = 'Das Abkommen läutet ein neues Zeitalter ein.';
    const spans = findTerms(text, entries);
    expect(spans.map((s) => [text.slice(s.start, s.end), s.entryId])).toEqual([
      ['läutet', 'einlaeuten'],
      ['Zeitalter', 'zeitalter'],
      ['ein', 'einlaeuten'],
    ]);
  });

  it('needs the parts in order within the sentence', () => {
    expect(matchForm('Ein neues Zeitalter läutet es.', 'läutet … ein')).toEqual([]);
  });

  it('matches whole words only', () => {
    expect(matchForm('Erdenbürger und Erden', 'Erden')).toEqual([[[16, 21]]]);
  });

  it('prefers the longer term where two overlap', () => {
    const text = 'Zugang zu seltenen Erden';
    expect(findTerms(text, entries).map((s) => s.entryId)).toEqual(['erden']);
  });

  it('cuts a sentence into segments that join back to the sentence', () => {
    const text = 'Die Allianz hat ein neues Zeitalter eingeläutet.';
    const segs = segment(text, findTerms(text, entries));
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.term).map((s) => s.term)).toEqual(['zeitalter', 'einlaeuten']);
  });
});

describe('headword', () => {
  it('gives nouns their article and spelled-out plural, separable verbs their bar', () => {
    expect(headword({ lemma: 'Vereinbarung', pos: 'noun', gender: 'f', plural: 'Vereinbarungen' })).toBe(
      'die Vereinbarung, die Vereinbarungen',
    );
    expect(headword({ lemma: 'Anspruch', pos: 'noun', gender: 'm', plural: 'Ansprüche' })).toBe('der Anspruch, die Ansprüche');
    expect(headword({ lemma: 'Zusammenarbeit', pos: 'noun', gender: 'f' })).toBe('die Zusammenarbeit');
    expect(headword({ lemma: 'einläuten', pos: 'verb', separable: 'ein|läuten' })).toBe('ein|läuten');
  });

  it('gives a plural-only noun "die" and its adjective the weak ending -en', () => {
    expect(headword({ lemma: 'seltene Erden', pos: 'noun', gender: 'pl' })).toBe('die seltenen Erden');
    expect(headword({ lemma: 'erneuerbare Energien', pos: 'noun', gender: 'pl' })).toBe('die erneuerbaren Energien');
    expect(headword({ lemma: 'Kosten', pos: 'noun', gender: 'pl' })).toBe('die Kosten');
  });
});
