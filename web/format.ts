// Numbers and dates in the UI language through Intl ("4,7 von 12", "64 %", "1. Dez. 2026"): one place, so
// every page writes them the same way. Formatters are cached per language, since building one is not free,
// and so are their answers: formatting a number through ICU cost the overview 0.04 ms a call in workerd, and a
// page formats the same few shares and days on every render.

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** Answers remembered per formatter; a full map starts over rather than grow with the values met. */
export const MAX_FORMATTED = 1_000;
const answers = new Map<string, Map<number | string, string>>();

/** The formatter's answer for `value`, formatted once per value (the answer depends on nothing else). */
function remembered<T extends Intl.NumberFormat | Intl.DateTimeFormat>(
  key: string,
  make: () => T,
  value: number | string,
  format: (f: T) => string,
): string {
  // -0 formats as "-0 %" but is the same Map key as 0: formatted each time, so neither answer stands for the other.
  if (Object.is(value, -0)) return format(cached(key, make));
  let known = answers.get(key);
  if (!known) answers.set(key, (known = new Map()));
  let s = known.get(value);
  if (s === undefined) {
    s = format(cached(key, make));
    if (known.size >= MAX_FORMATTED) known.clear();
    known.set(value, s);
  }
  return s;
}

/** A score or count with at most two decimals: 4.7 → "4,7" in German, "4.7" in English. */
export const formatNumber = (lang: string, n: number) =>
  remembered(
    `n|${lang}`,
    () => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }),
    n,
    (f) => f.format(n),
  );

/** A share 0..1 as a whole percentage: 0.64 → "64 %" in German, "64%" in English. */
export const formatPercent = (lang: string, share: number) =>
  remembered(
    `p|${lang}`,
    () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }),
    share,
    (f) => f.format(share),
  );

/** A calendar day "YYYY-MM-DD" as day and short month: "1 Dec" in English, "1. Dez." in German. */
export const formatDay = (lang: string, day: string) =>
  remembered(
    `y|${lang}`,
    () => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    day,
    (f) => f.format(new Date(`${day}T12:00:00Z`)),
  );

const dateTime = (lang: string) =>
  new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });

/**
 * A moment as date and time in UTC, named as such: the server does not know the learner's time zone, and a
 * page that is the same for every request must not guess it.
 */
export const formatDateTime = (lang: string, at: number | Date) => {
  const ms = typeof at === 'number' ? at : at.getTime();
  return remembered(
    `d|${lang}`,
    () => dateTime(lang),
    ms,
    (f) => f.format(ms),
  );
};
