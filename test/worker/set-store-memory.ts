import type { QuestionSet } from '../../core/sets/schema.ts';
import { acceptIntoSet, type Acceptance } from '../../core/stats/accept-answer.ts';
import { newSetId, summaryOf, type AcceptResult, type SetStore, type SetSummary, type SetVersion } from '../../worker/stores/set-store.ts';

type Row = { createdAt: string; updatedAt: string; latestVersion: number; publishedVersion: number | null; deleted: boolean };

/** The SetStore contract in plain memory: the reference the Durable Object store is tested against. */
export class MemorySetStore implements SetStore {
  private readonly rows = new Map<string, Row>();
  private readonly versions = new Map<string, SetVersion>();

  private live(id: string) {
    const row = this.rows.get(id);
    return row && !row.deleted ? row : undefined;
  }

  private summaries(of: 'latestVersion' | 'publishedVersion'): SetSummary[] {
    const out: SetSummary[] = [];
    for (const [id, row] of this.rows) {
      const n = row[of];
      if (row.deleted || n === null) continue;
      out.push(summaryOf(this.versions.get(`${id}/${n}`)!, row));
    }
    return out;
  }

  async list() {
    return this.summaries('latestVersion');
  }

  async listPublished() {
    return this.summaries('publishedVersion');
  }

  async latest(id: string) {
    const row = this.live(id);
    return row ? this.versions.get(`${id}/${row.latestVersion}`)! : null;
  }

  async version(id: string, version: number) {
    return this.live(id) ? (this.versions.get(`${id}/${version}`) ?? null) : null;
  }

  async create(set: QuestionSet, source: SetVersion['source']) {
    let id = newSetId();
    while (this.rows.has(id)) id = newSetId();
    const v: SetVersion = { id, version: 1, createdAt: new Date().toISOString(), set, source };
    this.rows.set(id, { createdAt: v.createdAt, updatedAt: v.createdAt, latestVersion: 1, publishedVersion: null, deleted: false });
    this.versions.set(`${id}/1`, v);
    return structuredClone(v);
  }

  async replace(id: string, set: QuestionSet, source: SetVersion['source']) {
    const row = this.live(id);
    if (!row) return null;
    const v: SetVersion = { id, version: row.latestVersion + 1, createdAt: new Date().toISOString(), set, source };
    this.versions.set(`${id}/${v.version}`, v);
    Object.assign(row, { latestVersion: v.version, updatedAt: v.createdAt });
    return structuredClone(v);
  }

  async acceptAnswer(id: string, expectedVersion: number, change: Acceptance): Promise<AcceptResult> {
    const row = this.live(id);
    if (!row) return { status: 'notFound' };
    if (row.latestVersion !== expectedVersion) return { status: 'conflict', latestVersion: row.latestVersion };
    const accepted = acceptIntoSet(this.versions.get(`${id}/${expectedVersion}`)!.set, change);
    if (!accepted.ok) return { status: 'refused', reason: accepted.reason };
    const version = (await this.replace(id, accepted.set, { format: 'json', text: JSON.stringify(accepted.set, null, 2) }))!;
    const published = row.publishedVersion === expectedVersion;
    if (published) row.publishedVersion = version.version;
    return { status: 'accepted', version, text: accepted.text, published, publishedVersion: row.publishedVersion };
  }

  async remove(id: string) {
    const row = this.live(id);
    if (!row) return false;
    for (let n = 1; n <= row.latestVersion; n++) this.versions.delete(`${id}/${n}`);
    Object.assign(row, { deleted: true, publishedVersion: null });
    return true;
  }

  async publish(id: string) {
    const row = this.live(id);
    if (!row) return null;
    row.publishedVersion = row.latestVersion;
    return summaryOf(this.versions.get(`${id}/${row.latestVersion}`)!, row);
  }

  async unpublish(id: string) {
    const row = this.live(id);
    if (!row) return null;
    row.publishedVersion = null;
    return summaryOf(this.versions.get(`${id}/${row.latestVersion}`)!, row);
  }

  async published(id: string) {
    const row = this.live(id);
    return row?.publishedVersion ? structuredClone(this.versions.get(`${id}/${row.publishedVersion}`)!) : null;
  }
}
