/** Where a problem is in an imported file: 1-based line and column, and what is wrong, in an instructor's words. */
export interface FormatProblem {
  line: number;
  column: number;
  message: string;
}

/** Maps a character offset (line ends counted as one character) to its line and column. */
export function lineIndex(source: string): (offset: number) => { line: number; column: number } {
  const starts: number[] = [];
  let off = 0;
  for (const l of source.split(/\r\n|\n|\r/)) {
    starts.push(off);
    off += l.length + 1;
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Problems in file order, each reported once. */
export function sortProblems(items: readonly FormatProblem[]): FormatProblem[] {
  const seen = new Set<string>();
  return items
    .filter((p) => {
      const key = `${p.line}:${p.column}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** A list of names for a message: `"de", "en"`. */
export const quoted = (items: readonly string[]) => items.map((l) => `"${l}"`).join(', ');
