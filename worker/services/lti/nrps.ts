// Names and Role Provisioning Services 2.0: the context's members with their names, read when the instructor
// opens the class results (the gradebook asks at most once per NAMES_EVERY_MS).
import { ltiFetch, ltiJson, LtiFetchError } from './http.ts';
import { accessToken, SCOPES, type TokenPlatform } from './token.ts';

export const MEMBERSHIPS_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
/** How often at most the gradebook asks the platform for names again. */
export const NAMES_EVERY_MS = 10 * 60_000;
/** Pages followed through `Link: rel="next"` at most (a course of many thousands stops there). */
const MAX_PAGES = 20;

export interface Member {
  /** The platform's user id (the launch's `sub`). */
  sub: string;
  name: string | null;
  roles: string[];
}

interface RawMember {
  user_id?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  roles?: unknown;
  status?: unknown;
}

/** The `rel="next"` URL of a Link header, or null. */
export function nextPage(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (m) return m[1]!;
  }
  return null;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : null);

function member(raw: RawMember): Member | null {
  const sub = typeof raw.user_id === 'string' ? raw.user_id : null;
  if (!sub || raw.status === 'Deleted') return null;
  const given = [str(raw.given_name), str(raw.family_name)].filter(Boolean).join(' ');
  return {
    sub,
    name: str(raw.name) ?? (given || null),
    roles: Array.isArray(raw.roles) ? raw.roles.filter((r): r is string => typeof r === 'string') : [],
  };
}

/** Every member of the context at `url` (all pages, up to MAX_PAGES). */
export async function contextMembers(env: Env, p: TokenPlatform, url: string): Promise<Member[]> {
  const token = await accessToken(env, p, [SCOPES.memberships]);
  const out: Member[] = [];
  let next: string | null = url;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const res: Response = await ltiFetch(env, next, { headers: { authorization: `Bearer ${token}`, accept: MEMBERSHIPS_TYPE } });
    const body = await ltiJson<{ members?: unknown }>(res);
    if (!Array.isArray(body.members)) throw new LtiFetchError('the membership container has no members');
    for (const raw of body.members as RawMember[]) {
      const m = raw && typeof raw === 'object' ? member(raw) : null;
      if (m) out.push(m);
    }
    next = nextPage(res.headers.get('link'));
  }
  return out;
}
