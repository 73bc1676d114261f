// The gradebook's links, people and launches: what a resource-link launch records (SQL only).
import type { AttemptPolicy } from '../../services/lti/types.ts';
import { metaSet } from './schema.ts';

/** What one verified launch tells the gradebook of its context (grades.ts builds it from the LtiLaunch). */
export interface LaunchRecord {
  iss: string;
  clientId: string;
  contextId: string;
  contextTitle?: string | undefined;
  linkId: string;
  /** The quiz id as attempts name it: a lesson id, `final`, or a set's id. */
  quiz: string;
  lineitem?: string | undefined;
  lineitems?: string | undefined;
  scopes: string[];
  nrpsUrl?: string | undefined;
  learnerId: string;
  sub: string;
  name?: string | undefined;
  instructor: boolean;
}

export type LinkRow = {
  linkId: string;
  quiz: string;
  lineitem: string | null;
  lineitems: string | null;
  scopes: string;
  policy: AttemptPolicy;
};

export const linkOf = (sql: SqlStorage, linkId: string): LinkRow | null =>
  sql
    .exec<LinkRow>(`SELECT link_id AS linkId, quiz, lineitem, lineitems, scopes, policy FROM links WHERE link_id = ?`, linkId)
    .toArray()[0] ?? null;

/** The links of `quiz` that the learner launched (an attempt of the quiz is recorded for each). */
export const launchedLinks = (sql: SqlStorage, learnerId: string, quiz: string): LinkRow[] =>
  sql
    .exec<LinkRow>(
      `SELECT l.link_id AS linkId, l.quiz, l.lineitem, l.lineitems, l.scopes, l.policy
       FROM links l JOIN launches x ON x.link_id = l.link_id WHERE x.learner_id = ? AND l.quiz = ?`,
      learnerId,
      quiz,
    )
    .toArray();

/** Stores the context, the link (its policy kept) and the person (a name from NRPS is not overwritten). */
export function saveLaunch(sql: SqlStorage, r: LaunchRecord, now: string): void {
  metaSet(sql, 'iss', r.iss);
  metaSet(sql, 'clientId', r.clientId);
  metaSet(sql, 'contextId', r.contextId);
  if (r.contextTitle) metaSet(sql, 'contextTitle', r.contextTitle.slice(0, 200));
  if (r.nrpsUrl) metaSet(sql, 'nrpsUrl', r.nrpsUrl);
  // The line item URL the platform names wins over one the tool found or made earlier.
  sql.exec(
    `INSERT INTO links (link_id, quiz, lineitem, lineitems, scopes, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (link_id) DO UPDATE SET quiz = excluded.quiz, lineitem = COALESCE(excluded.lineitem, links.lineitem),
       lineitems = excluded.lineitems, scopes = excluded.scopes, updated_at = excluded.updated_at`,
    r.linkId,
    r.quiz,
    r.lineitem ?? null,
    r.lineitems ?? null,
    JSON.stringify(r.scopes),
    now,
  );
  const name = r.name?.trim().slice(0, 200) || null;
  sql.exec(
    `INSERT INTO people (learner_id, sub, name, name_source, instructor, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (learner_id) DO UPDATE SET sub = excluded.sub, instructor = excluded.instructor, updated_at = excluded.updated_at,
       name = CASE WHEN people.name_source = 'nrps' OR excluded.name IS NULL THEN people.name ELSE excluded.name END,
       name_source = CASE WHEN people.name_source = 'nrps' OR excluded.name IS NULL THEN people.name_source ELSE 'launch' END`,
    r.learnerId,
    r.sub,
    name,
    name ? 'launch' : null,
    r.instructor ? 1 : 0,
    now,
  );
  sql.exec(`INSERT OR IGNORE INTO launches (learner_id, link_id) VALUES (?, ?)`, r.learnerId, r.linkId);
}

/** Names from NRPS for the people this context already has (by the platform's sub); how many changed. */
export function saveNames(sql: SqlStorage, names: ReadonlyMap<string, string>): number {
  let changed = 0;
  const people = sql.exec<{ learnerId: string; sub: string; name: string | null }>(`SELECT learner_id AS learnerId, sub, name FROM people`);
  for (const p of people.toArray()) {
    const name = names.get(p.sub);
    if (!name) continue;
    sql.exec(`UPDATE people SET name = ?, name_source = 'nrps' WHERE learner_id = ?`, name, p.learnerId);
    if (name !== p.name) changed++;
  }
  return changed;
}

/** Removes a person and everything of theirs from this context (queued scores too); whether they were here. */
export function deletePerson(sql: SqlStorage, learnerId: string): boolean {
  const known = sql.exec(`SELECT 1 FROM people WHERE learner_id = ?`, learnerId).toArray().length > 0;
  for (const table of ['outbox', 'attempts', 'launches', 'people']) sql.exec(`DELETE FROM ${table} WHERE learner_id = ?`, learnerId);
  return known;
}
