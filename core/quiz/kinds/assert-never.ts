/**
 * The end of an exhaustive switch over a union (question types, gap kinds, feedback items): a new member is a
 * compile error here until it is handled, and a value from outside the union (old data) throws, naming `what`.
 * A leaf module, so that the schemas can use it without importing the kinds.
 */
export function assertNever(x: never, what = 'question type'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(x)}`);
}
