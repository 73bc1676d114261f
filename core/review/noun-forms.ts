import type { GlossaryEntry } from '../content/schema.ts';

export const ARTICLES = { m: 'der', f: 'die', n: 'das' } as const;

const UMLAUT: Record<string, string> = { au: 'äu', a: 'ä', o: 'ö', u: 'ü', Au: 'Äu', A: 'Ä', O: 'Ö', U: 'Ü' };

/**
 * The plural of a noun from the dictionary notation of the glossary: "-en" appends, "¨-e" also puts an
 * umlaut on the last stem vowel (Anspruch → Ansprüche), "-" is the same as the singular, "—" means none,
 * and anything else is the plural written out (Mineralien).
 */
export function pluralOf(e: Pick<GlossaryEntry, 'lemma' | 'plural'>): string | null {
  const p = e.plural;
  if (!p || p === '—') return null;
  if (p === '-') return e.lemma;
  if (p.startsWith('¨')) {
    const m = /(au|Au|[aouAOU])(?!.*[aouAOU])/.exec(e.lemma);
    const stem = m ? e.lemma.slice(0, m.index) + UMLAUT[m[1]!] + e.lemma.slice(m.index + m[1]!.length) : e.lemma;
    return stem + p.slice(2);
  }
  if (p.startsWith('-')) return e.lemma + p.slice(1);
  return p;
}
