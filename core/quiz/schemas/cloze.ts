import { z } from 'zod';
import { limitedArray } from '../../sets/limited-text.ts';
import { LIMITS } from '../../sets/limits.ts';
import { gapIssues } from './gap-issues.ts';
import { gapSchema } from './gaps.ts';
import { uniqueIds, type SchemaParts } from './parts.ts';

/** A text with `{{id}}` marks and one gap for each mark (core/quiz/schemas/gaps.ts). */
export function clozeSchema(parts: SchemaParts) {
  const { base, longText, languages } = parts;
  return z
    .object({
      ...base,
      type: z.literal('cloze'),
      text: longText,
      gaps: limitedArray(gapSchema(parts), LIMITS.gaps, 'gaps').min(1),
      caseSensitive: z.boolean().default(false),
      typoTolerance: z.boolean().default(true),
    })
    .strict()
    .superRefine((q, ctx) => {
      uniqueIds(q.gaps, ['gaps'], ctx);
      for (const lang of languages)
        for (const message of markIssues(q.text[lang] ?? '', q.gaps)) ctx.addIssue({ code: 'custom', path: ['text', lang], message });
      q.gaps.forEach((g, i) => {
        for (const issue of gapIssues(g, languages))
          ctx.addIssue({ code: 'custom', path: ['gaps', i, ...issue.path], message: issue.message });
      });
    });
}

/** Every gap is marked exactly once in the text, and every mark names a gap. */
function markIssues(text: string, gaps: readonly { id: string }[]): string[] {
  const out: string[] = [];
  const marks = [...text.matchAll(/\{\{([^}]+)\}\}/g)].map((m) => m[1]);
  const ids = gaps.map((g) => g.id);
  for (const id of ids) if (marks.filter((m) => m === id).length !== 1) out.push(`gap "{{${id}}}" must appear exactly once`);
  for (const m of marks) if (!ids.includes(m!)) out.push(`"{{${m}}}" is not a gap id`);
  return out;
}
