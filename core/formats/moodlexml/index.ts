/** Moodle XML import and export of question sets, with their pictures and sounds (docs/decisions/0015). */
export { parseMoodleXml } from './read.ts';
export type { MoodleXmlImport } from './types.ts';
export type { QuestionReport } from './question.ts';
export { toMoodleXml, type MoodleXmlExport } from './write.ts';
