import type { Result, Router } from 'hono/router';
import { TrieRouter } from 'hono/router/trie-router';

/** How many answers are kept, and the longest path remembered (ids make paths many, and a URL may be long). */
const MAX_ANSWERS = 1000;
const MAX_PATH = 256;

/**
 * The app's router: hono's TrieRouter, which remembers its answer per method and path.
 *
 * TrieRouter, not hono's default SmartRouter: that tries RegExpRouter first, which cannot take pages under
 * `/:lang/…` beside `/api/…` (it throws on the first request, after building its matcher on the cold start,
 * and SmartRouter falls back to TrieRouter every time). TrieRouter walks its tree and builds the list of
 * handlers and their parameters anew for each request (0.03 ms of every request, and garbage); the answer
 * depends on nothing but method and path, and hono only reads it, so one answer serves every request for the
 * same path. Bounded: past MAX_ANSWERS the memory starts again.
 */
export class RememberingRouter<T> implements Router<T> {
  readonly name = 'RememberingRouter';
  readonly #router = new TrieRouter<T>();
  readonly #answers = new Map<string, Result<T>>();

  add(method: string, path: string, handler: T): void {
    this.#router.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    if (path.length > MAX_PATH) return this.#router.match(method, path);
    const key = `${method} ${path}`;
    let answer = this.#answers.get(key);
    if (answer === undefined) {
      answer = this.#router.match(method, path);
      if (this.#answers.size >= MAX_ANSWERS) this.#answers.clear();
      this.#answers.set(key, answer);
    }
    return answer;
  }

  /** How many answers are remembered now (for its test). */
  get remembered(): number {
    return this.#answers.size;
  }
}
