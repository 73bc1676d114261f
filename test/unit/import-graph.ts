// The import graph of the source tree, read as text: every `import … from`, `export … from`, `import type`,
// side-effect `import '…'` and dynamic `import('…')`, type-only imports included (they are edges a reader
// follows too, and a type cycle is where a run-time cycle starts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export type Graph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx)$/;
const SPECIFIERS = [
  /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** Every .ts/.tsx file below `dirs` (relative to `root`), skipping declaration files. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(join(dir, d.name)) : SOURCE.test(d.name) && !d.name.endsWith('.d.ts') ? [join(dir, d.name)] : [],
    );
  return dirs.filter((d) => existsSync(join(root, d))).flatMap(walk);
}

/** The module specifiers a file names, in order (comments are not stripped: a commented import still counts). */
export function specifiersOf(source: string): string[] {
  return SPECIFIERS.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]!));
}

/** A relative specifier resolved to a file of the tree (with or without its extension, or an index file). */
function resolveLocal(root: string, from: string, spec: string): string | null {
  const base = resolve(root, dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  return null;
}

/** File → the local files it imports. Package imports are left out (see packagesOf). */
export function importGraph(root: string, files: readonly string[]): Graph {
  const graph: Graph = new Map();
  for (const f of files) {
    const specs = specifiersOf(readFileSync(join(root, f), 'utf8')).filter((s) => s.startsWith('.'));
    graph.set(f, [...new Set(specs.map((s) => resolveLocal(root, f, s)).filter((x): x is string => x !== null))]);
  }
  return graph;
}

/** The package specifiers a file imports (`hono/cookie`, `cloudflare:workers`, `zod`). */
export const packagesOf = (source: string) => specifiersOf(source).filter((s) => !s.startsWith('.'));

/**
 * Every import cycle, as the strongly connected components of more than one file (or a file importing
 * itself), each sorted, found with Tarjan's algorithm (iteratively, so a deep tree cannot overflow the stack).
 */
export function cycles(graph: Graph): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  for (const start of graph.keys()) {
    if (indexOf.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    indexOf.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!indexOf.has(to)) {
          indexOf.set(to, index);
          low.set(to, index++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, indexOf.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== indexOf.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfLoop = component.length === 1 && (graph.get(frame.node) ?? []).includes(frame.node);
      if (component.length > 1 || selfLoop) found.push(component.sort());
    }
  }
  return found;
}
