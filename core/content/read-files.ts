// Node-only helper (used by the build script and Node unit tests), kept apart from the pure loader.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILES, type ContentFiles } from './files.ts';

/** Reads every content file under `root` as JSON; a file that is not valid JSON throws with its name. */
export function readContentFiles(root: string): ContentFiles {
  const files: ContentFiles = {};
  const names: string[] = [FILES.course, FILES.article, FILES.lessons, FILES.glossary];
  for (const f of readdirSync(join(root, FILES.questionsDir))) if (f.endsWith('.json')) names.push(FILES.questionsDir + f);
  for (const name of names) {
    let raw: string;
    try {
      raw = readFileSync(join(root, name), 'utf8');
    } catch {
      continue; // reported as "file is missing" by loadContent
    }
    try {
      files[name] = JSON.parse(raw);
    } catch (e) {
      throw new Error(`${name}: not valid JSON: ${(e as Error).message}`);
    }
  }
  return files;
}

/** Reads `locales/*.json`: the UI languages are the locale files present. */
export function readLocales(root: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const f of readdirSync(join(root, 'locales')).sort()) {
    if (!/^[a-z]{2}\.json$/.test(f)) continue;
    try {
      out[f.slice(0, 2)] = JSON.parse(readFileSync(join(root, 'locales', f), 'utf8'));
    } catch (e) {
      throw new Error(`locales/${f}: not valid JSON: ${(e as Error).message}`);
    }
  }
  return out;
}
