// Numbers and dates in the UI language through Intl ("4,7 von 12", "64 %", "1. Dez. 2026"): one place, so
// every page writes them the same way. Formatters are cached per language, since building one is not free.

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** A score or count with at most two decimals: 4.7 → "4,7" in German, "4.7" in English. */
export const formatNumber = (lang: string, n: number) =>
  cached(`n|${lang}`, () => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })).format(n);

/** A share 0..1 as a whole percentage: 0.64 → "64 %" in German, "64%" in English. */
export const formatPercent = (lang: string, share: number) =>
  cached(`p|${lang}`, () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 })).format(share);

/**
 * A moment as date and time in UTC, named as such: the server does not know the learner's time zone, and a
 * page that is the same for every request must not guess it.
 */
export const formatDateTime = (lang: string, at: number | Date) =>
  cached(
    `d|${lang}`,
    () =>
      new Intl.DateTimeFormat(lang, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'UTC',
        timeZoneName: 'short',
      }),
  ).format(at);
