/**
 * How large and how deep anything an instructor stores may be: one table, used by the schema (JSON imports,
 * content files), the GIFT and Cloze readers (which report the line and column) and quoted in every message.
 * The figures leave room for real files: a reading passage of 20,000 characters and a matching question of
 * 50 pairs are normal, so each limit is at least twice what a real file needs (docs/decisions/0005).
 */
export const LIMITS = {
  /**
   * A set's request body (GIFT, Cloze or JSON text), in bytes. A version is one SQLite row holding the source
   * and the parsed set, and a Durable Object row may be at most 2 MB: half a MiB of source keeps both inside.
   */
  bodyBytes: 512 * 1024,
  /** Titles: of a set (per language) and of a question (GIFT's `::title::`). */
  titleChars: 200,
  /** Texts that may hold a reading passage: passages, prompts, cloze texts, essay model answers. */
  longTextChars: 50_000,
  /** Every other text: choices, pair sides, items, feedback, explanations, accepted answers, categories. */
  textChars: 2_000,
  /**
   * How deep the kept markup (`<ul><li><strong>…`) may nest, counted in elements; in an imported HTML text,
   * every element that is read for its text counts, also those the sanitiser unwraps. Real texts nest about ten
   * deep; the renderers (server and browser) recurse once per level, so thousands would overflow their stack.
   */
  markupDepth: 32,
  questions: 200,
  passages: 200,
  /** Choices of a single or multiple choice question, or of a choice gap. */
  choices: 30,
  pairs: 100,
  /** Extra right-hand items of a matching question. */
  distractors: 30,
  /** Items of an ordering question. */
  items: 30,
  /** Gaps of a cloze question. */
  gaps: 100,
  /** Accepted answers of a typed question or gap, per language; numerical answers of a gap. */
  answers: 50,
  /** Further accepted values of a numerical question. */
  alternatives: 20,
  checklist: 20,
  /** Sentence ids a question cites as its evidence. */
  sources: 50,
  /**
   * A Moodle XML file, in bytes (docs/decisions/0015): its pictures and sounds travel inside it in base64, which
   * is a third larger than the files. The text of the set stays within the other limits; the version stores the
   * set, not this file.
   */
  moodleXmlBytes: 10 * 1024 * 1024,
  /** One picture or sound, in bytes (decoded): a photo or a minute of speech as MP3 fit twice over. */
  mediaFileBytes: 2 * 1024 * 1024,
  /** All pictures and sounds of one set (version), in bytes (decoded): what a 10 MiB file's base64 can carry. */
  mediaSetBytes: 7 * 1024 * 1024,
  /** Pictures and sounds in one set. */
  mediaFiles: 100,
} as const;

/** A number as an instructor reads it: 50,000. */
export const figure = (n: number) => n.toLocaleString('en-US');

/** "is 2,345 characters long; the limit is 2,000": said the same way by the schema and the readers. */
export const tooLong = (length: number, limit: number) => `is ${figure(length)} characters long; the limit is ${figure(limit)}`;

/** "nests markup 40 elements deep; the limit is 32" (`more`: deeper than `depth`, where reading stopped). */
export const tooDeep = (depth: number, more = false) =>
  `nests markup ${more ? 'more than ' : ''}${figure(depth)} elements deep; the limit is ${LIMITS.markupDepth}`;

/** "has 130 pairs; the limit is 100". */
export const tooMany = (count: number, limit: number, what: string) => `has ${figure(count)} ${what}; the limit is ${figure(limit)}`;

/** A size as an instructor reads it: "2 MiB", "640 KiB". */
export const bytes = (n: number) => (n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${figure(Math.ceil(n / 1024))} KiB`);
