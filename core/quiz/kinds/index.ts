import type { QuestionType } from '../schema.ts';
import { cloze } from './cloze.ts';
import { dictation } from './dictation.ts';
import { essay } from './essay.ts';
import type { Kind } from './kind.ts';
import { match } from './match.ts';
import { multiple } from './multiple.ts';
import { numerical } from './numerical.ts';
import { order } from './order.ts';
import { short } from './short.ts';
import { single } from './single.ts';
import { truefalse } from './truefalse.ts';

/** Every question kind by its type: a QuestionType without a module here is a compile error. */
export const KINDS = { single, multiple, truefalse, short, cloze, match, order, numerical, essay, dictation } satisfies {
  [K in QuestionType]: Kind<K>;
};

/** The kind of a question, typed loosely for dispatch (the map above is what checks each kind). */
export const kindOf = (type: QuestionType) => KINDS[type] as unknown as Kind<QuestionType>;
