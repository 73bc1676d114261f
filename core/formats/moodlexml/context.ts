import type { Ctx } from '../gift/context.ts';
import type { MediaFile } from './media.ts';
import type { XNode } from './xml.ts';

/** What the readers of one Moodle XML question share: the GIFT reader's context, and the question's files. */
export interface XCtx extends Ctx {
  /** Every `<file>` element of the file (and each question's 1.9 `<image_base64>`), read: a file, or why it was refused. */
  files: Map<XNode, MediaFile | string>;
  /** The question's text format: answers and feedback without a `format` of their own inherit it (as Moodle's importer does). */
  textFormat: string;
  /** The question's name, for messages. */
  name: string;
}

/** A problem (nothing is imported) about the question, named. */
export const refuse = (ctx: XCtx, message: string) => ctx.problems.push({ ...ctx.where(0), message: `"${ctx.name}": ${message}` });
/** A warning (the question is imported without something), named. */
export const drop = (ctx: XCtx, message: string) => ctx.warnings.push({ ...ctx.where(0), message: `"${ctx.name}": ${message}` });
