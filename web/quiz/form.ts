import { assertNever } from '../../core/quiz/kinds/assert-never.ts';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';

/** Form field names: `r.{questionId}` for one value, `r.{questionId}.{part}` for gaps, pairs and items. */
export const fieldName = (questionId: string, part?: string) => (part ? `r.${questionId}.${part}` : `r.${questionId}`);

/**
 * Why a question's form cannot be checked yet: nothing answered, not a number, two items at one position (or an
 * item without one), or one answer chosen for two items of a matching question.
 */
export type FormProblem = 'unanswered' | 'number' | 'positions' | 'pairs';

/**
 * A hidden field in every question form, so that a plain form post with nothing chosen still names the
 * question (radio buttons and checkboxes send nothing when none is ticked) and is answered "not answered".
 */
export const sentField = (questionId: string) => fieldName(questionId, 'sent');

/** Reads a number as people type it: "2025", "2,5", " 3 ". */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/**
 * Whether the copy offered `value` among `items`: ids are per attempt (or per showing of a review card), so a
 * value from an older copy (another tab, a page kept open across a review) counts as nothing chosen.
 */
const offered = (items: readonly { id: string }[], value: string) => !!value && items.some((i) => i.id === value);

/**
 * Turns submitted form fields into one question's response (the same on the server, for plain form posts,
 * and in the browser, for the enhanced form). Returns a problem instead when the question was left empty;
 * a choice the copy did not offer is not a choice.
 */
export function responseFromForm(q: LearnerQuestion, get: (name: string) => string[]): AnyResponse | FormProblem {
  const one = (name: string) => (get(name)[0] ?? '').trim();
  switch (q.type) {
    case 'single':
      return offered(q.choices, one(fieldName(q.id))) ? { choice: one(fieldName(q.id)) } : 'unanswered';
    case 'multiple': {
      const picked = get(fieldName(q.id)).filter((v) => offered(q.choices, v));
      return picked.length ? { choices: picked } : 'unanswered';
    }
    case 'truefalse': {
      const v = one(fieldName(q.id));
      return v === 'true' || v === 'false' ? { value: v === 'true' } : 'unanswered';
    }
    case 'short':
    case 'essay':
    case 'dictation':
      return one(fieldName(q.id)) ? { text: one(fieldName(q.id)) } : 'unanswered';
    case 'numerical': {
      const raw = one(fieldName(q.id));
      if (!raw) return 'unanswered';
      const n = parseNumber(raw);
      return n === undefined ? 'number' : { number: n };
    }
    case 'cloze': {
      // A multi-response gap posts once per ticked choice; every other gap posts one value.
      const gaps: Record<string, string | string[]> = {};
      for (const p of q.parts) {
        if (!('gap' in p)) continue;
        const values = 'choices' in p ? get(fieldName(q.id, p.gap)).filter((v) => offered(p.choices, v)) : [one(fieldName(q.id, p.gap))];
        gaps[p.gap] = 'multiple' in p && p.multiple ? values : (values[0] ?? '');
      }
      return Object.values(gaps).some((v) => v.length > 0) ? { gaps } : 'unanswered';
    }
    case 'match': {
      const pairs: Record<string, string> = {};
      for (const l of q.left) {
        const v = one(fieldName(q.id, l.id));
        if (offered(q.right, v)) pairs[l.id] = v;
      }
      if (!Object.keys(pairs).length) return 'unanswered';
      // Where stems share an answer, one right-hand item may serve several; elsewhere each is used once.
      return !q.reusable && new Set(Object.values(pairs)).size < Object.keys(pairs).length ? 'pairs' : { pairs };
    }
    case 'order': {
      // Each item has a position select that starts empty: untouched is unanswered; every item needs its own place.
      const pos = q.items.map((it) => ({ id: it.id, pos: Number(one(fieldName(q.id, it.id))) || 0 }));
      if (pos.every((p) => !p.pos)) return 'unanswered';
      if (pos.some((p) => !p.pos) || new Set(pos.map((p) => p.pos)).size < pos.length) return 'positions';
      return { order: [...pos].sort((a, b) => a.pos - b.pos).map((p) => p.id) };
    }
    default:
      return assertNever(q);
  }
}

/** The fields of a matching or ordering question that clash: two items at one position, one answer for two items. */
export function clashingFields(q: LearnerQuestion, get: (name: string) => string[]): string[] {
  if (q.type !== 'order' && (q.type !== 'match' || q.reusable)) return [];
  const names = (q.type === 'order' ? q.items.map((i) => i.id) : q.left.map((l) => l.id)).map((id) => fieldName(q.id, id));
  const value = (name: string) => (get(name)[0] ?? '').trim();
  const count = new Map<string, number>();
  for (const n of names) if (value(n)) count.set(value(n), (count.get(value(n)) ?? 0) + 1);
  return names.filter((n) => value(n) && count.get(value(n))! > 1);
}

// One encoder for every call: every practice page encodes the answers so far for its links and forms.
const utf8 = new TextEncoder();

/** Encodes the answers so far for a URL (base64url of JSON), so a practice run needs no server state. */
export function encodeAnswers(answers: Record<string, AnyResponse>): string {
  const bytes = utf8.encode(JSON.stringify(answers));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The inverse of encodeAnswers; anything malformed reads as no answers. */
export function decodeAnswers(text: string | undefined | null): Record<string, unknown> {
  if (!text || text.length > 20_000) return {};
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const value: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
