import { CLOZE_ESCAPES } from '../shared/source.ts';
import { readSetFile, type FormatReader } from '../gift/parse.ts';
import type { GiftImport, GiftOptions } from '../gift/types.ts';
import { readClozeBlock } from './block.ts';

const CLOZE: FormatReader = { escapes: CLOZE_ESCAPES, readBlock: readClozeBlock };

/**
 * Reads a file of Moodle Cloze (embedded answers) questions: one question per blank-line-separated block, each an
 * optional `::title::` and a text with gaps such as `{1:SA:=word}`, `{2:MC:=right~wrong}`, `{1:NM:=1822:2}`.
 * `\{`, `\}`, `\~`, `\#` and `\\` stand for the literal characters; our `// @…` comments and `// @title` work as
 * in GIFT. The result has the same shape as parseGift's (validate `set` with setSchemas, use `lineOf`).
 */
export function parseCloze(text: string, opts: GiftOptions): GiftImport {
  return readSetFile(text, opts, CLOZE);
}
