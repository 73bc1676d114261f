// A MAC's base64 spelling has unused bits in its last character: a value whose last character was changed
// within those bits decodes to the same bytes. Only the one spelling the server wrote may verify.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from '../../worker/services/lti/signed.ts';
import { request } from './helpers.ts';
import { newLearner } from './route-samples.ts';

/** The same bytes spelled otherwise: the lowest (unused) bit of the last character of a 32-byte MAC flipped. */
function respelled(mac: string, alphabet: string): string {
  const last = mac.at(-1)!;
  return mac.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1]!;
}
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

describe('signed values verify in the one spelling they were written in', () => {
  it('an LTI session or state whose MAC is spelled otherwise is refused', async () => {
    const token = await seal(env, 'lti-session', { exp: Date.now() + 60_000 });
    const [data, mac] = token.split('.') as [string, string];
    expect(await unseal(env, 'lti-session', token)).not.toBeNull();
    const other = `${data}.${respelled(mac, BASE64URL)}`;
    expect(other).not.toBe(token);
    expect(await unseal(env, 'lti-session', other)).toBeNull();
  });

  it('a learner cookie whose MAC is spelled otherwise is not that learner', async () => {
    const cookie = decodeURIComponent(await newLearner());
    const [id, mac] = [cookie.slice(0, cookie.lastIndexOf('.')), cookie.slice(cookie.lastIndexOf('.') + 1)];
    const bare = mac.replace(/=+$/, '');
    const other = `${id}.${respelled(bare, BASE64)}${mac.slice(bare.length)}`;
    const learnerOf = async (value: string) =>
      (
        (await (await request('/api/progress', { headers: { cookie: `learner=${encodeURIComponent(value)}` } })).json()) as {
          learner: boolean;
        }
      ).learner;
    expect(await learnerOf(cookie)).toBe(true);
    expect(await learnerOf(other)).toBe(false);
  });
});
