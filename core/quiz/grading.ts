/**
 * How typed answers are graded: `german` with this course's German-aware rules (text-match.ts: spelling and
 * typo notes, half credit for a wrong ending), `moodle` as Moodle grades them (moodle-match.ts). A set says
 * which. A file of its own, so that the matchers and the kinds can both name it without an import cycle.
 */
export type Grading = 'moodle' | 'german';
