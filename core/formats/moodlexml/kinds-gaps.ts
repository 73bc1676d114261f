import { LIMITS } from '../../sets/limits.ts';
import { BLANK, gapId, readClozeText } from '../cloze/question.ts';
import type { KindFields } from '../gift/types.ts';
import { localize, readText } from '../gift/text.ts';
import { drop, refuse, type XCtx } from './context.ts';
import { clozeSrc, formatOf, plain, rawText, srcOf } from './text.ts';
import { child, children, field, type XNode } from './xml.ts';

type ClozeDraft = KindFields<'cloze'> & { prompt: Record<string, string> };

/** `cloze` (qtype_multianswer): the question text's embedded answers, read by the one Cloze reader. */
export function readMultianswer(ctx: XCtx, q: XNode): ClozeDraft | undefined {
  const node = child(q, 'questiontext');
  const read = readClozeText(ctx, clozeSrc(ctx, node), formatOf(node, 'moodle'));
  if (!read) return void refuse(ctx, 'its embedded answers could not be read (see the other problems).');
  return { ...read, caseSensitive: false, typoTolerance: false };
}

/**
 * `gapselect` and `ddwtos`: `[[n]]` in the text is a gap whose right answer is choice n, offered among the
 * choices of its group. Both become gaps to pick from a list (never drag-only: a list works with a keyboard).
 */
export function readChoiceGaps(ctx: XCtx, q: XNode, type: 'gapselect' | 'ddwtos'): ClozeDraft | undefined {
  const options = children(q, type === 'gapselect' ? 'selectoption' : 'dragbox').map((o) => ({
    text: plain(ctx, o),
    group: field(o, 'group') ?? '1',
    infinite: child(o, 'infinite') !== undefined,
  }));
  const node = child(q, 'questiontext');
  const raw = rawText(ctx, node);
  const marks = [...raw.matchAll(/\[\[(\d+)\]\]/g)].map((m) => Number(m[1]));
  if (!marks.length) return void refuse(ctx, 'its text has no gap ([[1]], [[2]], …).');
  const gaps: KindFields<'cloze'>['gaps'] = [];
  for (const [i, n] of marks.entries()) {
    const right = options[n - 1];
    if (!right?.text) return void refuse(ctx, `the gap [[${n}]] names no choice (there are ${options.length}).`);
    const group = options.filter((o) => o.group === right.group && o.text);
    gaps.push({
      id: gapId(i),
      answers: Object.fromEntries(ctx.langs.map((l) => [l, [right.text![l]!]])),
      options: Object.fromEntries(ctx.langs.map((l) => [l, [...new Set(group.map((o) => o.text![l]!))]])),
    });
  }
  if (type === 'ddwtos') {
    drop(ctx, 'learners pick each gap’s word from a list here (Moodle drags them).');
    if (options.some((o) => !o.infinite) && new Set(marks).size < marks.length)
      drop(ctx, 'a word may fill only one gap in Moodle; here each gap offers every word of its group.');
  }
  const read = readText(ctx, srcOf(raw.replace(/\[\[(\d+)\]\]/g, (_, n: string) => `\uE001${n}\uE001`)), formatOf(node, 'moodle'), false);
  const byLang = localize(ctx, read.lt, 'rich', LIMITS.longTextChars);
  const text: Record<string, string> = {};
  const prompt: Record<string, string> = {};
  for (const [lang, value] of Object.entries(byLang)) {
    let k = 0;
    text[lang] = value.replace(/\uE001\d+\uE001/g, () => `{{${gapId(k++)}}}`);
    prompt[lang] = value.replace(/\uE001\d+\uE001/g, BLANK);
    if (k !== marks.length)
      return void refuse(
        ctx,
        `its gaps sit inside multilang spans, so the text in "${lang}" lacks some: put every [[n]] outside the spans.`,
      );
  }
  return { type: 'cloze', text, prompt, gaps, caseSensitive: false, typoTolerance: false };
}
