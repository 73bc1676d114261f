import { problem, warn, type Ctx } from './context.ts';
import type { ParsedQuestion } from './block-result.ts';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Question ids: `// @id`, else Moodle's `[id:…]` when it is a valid unused id, else a unique ::Title:: that is
 * a valid id, else q1, q2, … by position. Invalid or repeated `@id`s are problems at their line.
 */
export function assignIds(ctx: Ctx, questions: readonly ParsedQuestion[]): string[] {
  const explicit = new Map<string, number>();
  for (const q of questions) {
    if (q.explicitId === undefined) continue;
    if (!ID_PATTERN.test(q.explicitId)) {
      problem(
        ctx,
        q.idAt,
        `"@id ${q.explicitId}" is not a valid id: use 1 to 64 letters, digits, "-" or "_", starting with a letter or digit.`,
      );
      continue;
    }
    const seen = explicit.get(q.explicitId);
    if (seen !== undefined) problem(ctx, q.idAt, `the id "${q.explicitId}" is already used by the question on line ${seen}.`);
    else explicit.set(q.explicitId, q.line);
  }
  const used = new Set<string>(explicit.keys());
  const moodle = new Map<ParsedQuestion, string>();
  for (const q of questions) {
    if (q.explicitId !== undefined || q.moodleId === undefined) continue;
    if (ID_PATTERN.test(q.moodleId) && !used.has(q.moodleId)) {
      moodle.set(q, q.moodleId);
      used.add(q.moodleId);
    } else
      warn(
        ctx,
        q.idAt,
        `the id number "${q.moodleId}" could not be used as the question's id (it is not a valid id, or taken); the question got another.`,
      );
  }
  const titleCount = new Map<string, number>();
  for (const q of questions) if (q.title) titleCount.set(q.title, (titleCount.get(q.title) ?? 0) + 1);
  const fromTitle = (q: ParsedQuestion) =>
    q.explicitId === undefined &&
    !moodle.has(q) &&
    q.title &&
    ID_PATTERN.test(q.title) &&
    titleCount.get(q.title) === 1 &&
    !used.has(q.title)
      ? q.title
      : undefined;
  const byTitle = new Map<ParsedQuestion, string>();
  for (const q of questions) {
    const id = fromTitle(q);
    if (id) byTitle.set(q, id);
  }
  for (const id of byTitle.values()) used.add(id);
  return questions.map((q, i) => {
    if (q.explicitId !== undefined && ID_PATTERN.test(q.explicitId)) return q.explicitId;
    const given = moodle.get(q) ?? byTitle.get(q);
    if (given) return given;
    let id = `q${i + 1}`;
    for (let k = 2; used.has(id); k++) id = `q${i + 1}-${k}`;
    used.add(id);
    return id;
  });
}
