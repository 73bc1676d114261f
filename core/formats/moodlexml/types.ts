import type { GiftImport } from '../gift/types.ts';
import type { MediaFile } from './media.ts';
import type { QuestionReport } from './question.ts';

/** What reading a Moodle XML file gives: GIFT's result, the files to store, and what happened to each question. */
export interface MoodleXmlImport extends GiftImport {
  /** The files the set shows, with their bytes (the set's `media` lists them without). */
  media: MediaFile[];
  /** Per question of the file (categories aside): its Moodle type, what it became or why it was skipped. */
  report: QuestionReport[];
}
