import type { AttemptSummary } from '../../core/progress/attempt-record.ts';
import type { ReviewEvent } from '../../core/review/deck.ts';

/**
 * What the pages that show progress and review need of a learner, read together: their attempt summaries
 * (oldest first, as ProgressStore.summaries gives them) and their review log (as ReviewStore.events).
 */
export interface LearnerStore {
  read(learnerId: string): Promise<{ summaries: AttemptSummary[]; events: ReviewEvent[] }>;
}
