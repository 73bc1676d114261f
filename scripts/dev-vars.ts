// Creates .dev.vars (git-ignored) with random local secrets when it is missing, so `npm start` and the
// tests work on a fresh clone. Prints where the file is, never the secrets themselves.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REQUIRED = ['LEARNER_SECRET', 'INSTRUCTOR_TOKEN'] as const;

export function ensureDevVars(root: string): void {
  const file = join(root, '.dev.vars');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const missing = REQUIRED.filter((name) => !new RegExp(`^${name}=`, 'm').test(current));
  if (!missing.length) return;
  const lines = missing.map((name) => `${name}=${randomBytes(24).toString('base64url')}`);
  writeFileSync(file, `${current}${current && !current.endsWith('\n') ? '\n' : ''}${lines.join('\n')}\n`, { mode: 0o600 });
  console.log(`dev-vars: wrote ${missing.join(', ')} to ${file} (local only, git-ignored; the instructor token is there)`);
}

if (import.meta.main) ensureDevVars(join(import.meta.dirname, '..'));
