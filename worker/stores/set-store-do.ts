import type { QuestionSet } from '../../core/sets/schema.ts';
import type { Acceptance } from '../../core/stats/accept-answer.ts';
import type { PublishResult, SetRegistry } from '../objects/set-registry/set-registry.ts';
import { PublishedSets } from './set-store-published.ts';
import type { AcceptResult, SetStore, SetSummary, SetVersion } from './set-store.ts';

/** The one SetRegistry object of the course (docs/decisions/0002: one object per course). */
export const COURSE_REGISTRY = 'course';

/** The course's SetRegistry (its sets, and the record of media an import stored: worker/services/media.ts). */
export const courseRegistry = (env: Env, name = COURSE_REGISTRY): DurableObjectStub<SetRegistry> => env.SET_REGISTRY.getByName(name);

/**
 * Question sets in the SetRegistry Durable Object (the system of record); learners' reads go to the KV copies
 * the object writes, never to the object.
 */
export class DoSetStore implements SetStore {
  private stub: DurableObjectStub<SetRegistry> | undefined;
  private readonly learners: PublishedSets;

  constructor(
    private readonly env: Env,
    private readonly registryName = COURSE_REGISTRY,
  ) {
    this.learners = new PublishedSets(env.SETS, () => this.registry.listPublished() as Promise<SetSummary[]>);
  }

  /**
   * The registry's stub, made when first needed: naming the object hashes its name, and a learner's page
   * listing published sets is answered from the isolate's copy without the object (0.02 ms a page).
   */
  private get registry(): DurableObjectStub<SetRegistry> {
    return (this.stub ??= courseRegistry(this.env, this.registryName));
  }

  list() {
    return this.registry.list() as Promise<SetSummary[]>;
  }

  listPublished() {
    return this.learners.list();
  }

  latest(id: string) {
    return this.registry.latest(id) as Promise<SetVersion | null>;
  }

  version(id: string, version: number) {
    return this.registry.version(id, version) as Promise<SetVersion | null>;
  }

  create(set: QuestionSet, source: SetVersion['source']) {
    return this.registry.create(set, source) as Promise<SetVersion>;
  }

  replace(id: string, set: QuestionSet, source: SetVersion['source']) {
    return this.registry.replace(id, set, source) as Promise<SetVersion | null>;
  }

  async remove(id: string) {
    const removed = await this.registry.remove(id);
    if (removed) PublishedSets.changed(id, null);
    return removed;
  }

  async acceptAnswer(id: string, expectedVersion: number, change: Acceptance) {
    const result = (await this.registry.acceptAnswer(id, expectedVersion, change)) as AcceptResult;
    if (result.status === 'accepted' && result.published) PublishedSets.changed(id, result.version);
    return result;
  }

  async publish(id: string) {
    return this.published$(await (this.registry.publish(id) as Promise<PublishResult | null>), id);
  }

  async unpublish(id: string) {
    return this.published$(await (this.registry.unpublish(id) as Promise<PublishResult | null>), id);
  }

  published(id: string) {
    return this.learners.copy(id);
  }

  /** This isolate shows a publish or unpublish at once; others within the cache time (docs/decisions/0002). */
  private published$(result: PublishResult | null, id: string): SetSummary | null {
    if (!result) return null;
    PublishedSets.changed(id, result.copy);
    return result.summary;
  }
}
