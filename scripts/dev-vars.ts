// Creates .dev.vars (git-ignored) with random local secrets when it is missing, so `npm start` and the
// tests work on a fresh clone. Prints where the file is, never the secrets themselves.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REQUIRED = ['LEARNER_SECRET', 'INSTRUCTOR_TOKEN', 'LTI_PRIVATE_KEY'] as const;

/**
 * A fresh value for one secret. LTI_PRIVATE_KEY is an RSA 2048 key in PKCS#8 PEM, written on one line with
 * `\n` escapes inside double quotes, which wrangler's .dev.vars (dotenv) turns back into line breaks; the
 * worker also accepts the escapes themselves (worker/services/lti/keys.ts).
 */
function freshValue(name: (typeof REQUIRED)[number]): string {
  if (name !== 'LTI_PRIVATE_KEY') return randomBytes(24).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim();
  return `"${pem.replace(/\n/g, '\\n')}"`;
}

export function ensureDevVars(root: string): void {
  const file = join(root, '.dev.vars');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const missing = REQUIRED.filter((name) => !new RegExp(`^${name}=`, 'm').test(current));
  if (!missing.length) return;
  const lines = missing.map((name) => `${name}=${freshValue(name)}`);
  writeFileSync(file, `${current}${current && !current.endsWith('\n') ? '\n' : ''}${lines.join('\n')}\n`, { mode: 0o600 });
  console.log(`dev-vars: wrote ${missing.join(', ')} to ${file} (local only, git-ignored; the instructor token is there)`);
}

if (import.meta.main) ensureDevVars(join(import.meta.dirname, '..'));
