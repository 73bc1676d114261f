import type { KindFields } from '../gift/types.ts';

/** A cloze question's fields as the readers build them (the schema's input type). */
export type ClozeFields = KindFields<'cloze'>;
/** One gap as the readers build it. */
export type GapInput = ClozeFields['gaps'][number];
