// Compile-time checks that a response schema written here says exactly what the TypeScript type of the
// service says, so the document cannot drift from the code: `tsc -p .` fails on the first difference.

/** A type with intersections flattened and readonly dropped, recursively, so that only the JSON shape is compared. */
type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends (...args: never[]) => unknown
    ? T
    : T extends object
      ? { -readonly [K in keyof T]: Plain<T[K]> }
      : T;

/**
 * True when A and B are the same type (not merely assignable either way: an extra optional field differs too).
 * @example true satisfies Same<z.infer<typeof LearnerQuiz>, LearnerQuizType>; // a compile error once they differ
 */
export type Same<A, B> = (<T>() => T extends Plain<A> ? 1 : 2) extends <T>() => T extends Plain<B> ? 1 : 2 ? true : false;
