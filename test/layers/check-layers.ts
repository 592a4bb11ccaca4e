/**
 * The import graph of src/, checked by `npm run lint`: a folder imports only folders of lower
 * layers (cli on top, imported by nothing), and no file imports itself through other files.
 * Type-only imports count for the layers (a stage may not even name a higher stage's types), but
 * not for file cycles: they are erased, so they cannot make a module run before what it needs, and
 * a view's generated data type names the fact types of the modules that build it.
 * Run: tsx test/layers/check-layers.ts [root]; exit 1 with one line per problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The stages of src/, top to bottom (a folder, or a file without `.ts`). A stage imports only
 * stages of the rows below its own, never one of its own row or above.
 */
export const LAYERS: string[][] = [
  ['cli', 'docs'],
  ['scan'],
  ['sweep', 'plan'],
  ['report', 'evidence', 'iac'],
  ['evaluate'],
  ['config', 'waivers'],
  ['simulator'],
  ['verify-logs'],
  ['rules'],
  ['collect'],
  ['inventory'],
  ['documents'],
  ['util', 'errors', 'package-info'],
];

/** `import type … from '…'` and `export type … from '…'`: erased from the JavaScript. */
const TYPE_ONLY = /^\s*(?:import|export)\s+type\s[^;]*?from\s*'([^']+)'/gm;

/** Each .ts file under `src` (relative, `/`-separated) with the files it imports; `runtime` leaves out type-only imports. */
export function importGraph(src: string, { runtime = false } = {}): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.split('\\').join('/'));
  for (const file of files.sort()) {
    const text = readFileSync(join(src, file), 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const names = importedFiles.map((i) => i.fileName);
    // A module named by a type-only import and by no other import is not loaded.
    const typeOnly = runtime ? [...text.matchAll(TYPE_ONLY)].map((m) => m[1]!).filter((name) => names.filter((n) => n === name).length === 1) : [];
    const targets = names
      .filter((name) => name.startsWith('.') && !typeOnly.includes(name))
      .map((name) =>
        relative(src, resolve(src, dirname(file), name.replace(/\.js$/, '.ts')))
          .split('\\')
          .join('/'),
      );
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

function stageOf(file: string): string {
  return file.split('/')[0]!.replace(/\.ts$/, '');
}

export function layerProblems(graph: Map<string, string[]>, layers: string[][] = LAYERS): string[] {
  const row = new Map(layers.flatMap((stages, i) => stages.map((s) => [s, i] as const)));
  const problems: string[] = [];
  for (const [file, targets] of graph) {
    const from = stageOf(file);
    if (!row.has(from)) {
      problems.push(`src/${file}: stage "${from}" is not in the layer list (test/layers/check-layers.ts)`);
      continue;
    }
    for (const target of targets) {
      const to = stageOf(target);
      if (to === from || !row.has(to)) continue;
      if (row.get(to)! <= row.get(from)!)
        problems.push(`src/${file} imports src/${target}: ${from} may not import ${to} (${row.get(to) === row.get(from) ? 'same layer' : 'a higher layer'})`);
    }
  }
  return problems;
}

/** Every import cycle (a strongly connected set of files, Tarjan's algorithm), its files sorted. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== file);
    if (members.length > 1 || graph.get(file)!.includes(file)) found.push(members.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

export function checkLayers(src: string, layers: string[][] = LAYERS): string[] {
  return [...layerProblems(importGraph(src), layers), ...cycles(importGraph(src, { runtime: true })).map((c) => `import cycle: ${c.map((f) => `src/${f}`).join(' <-> ')}`)];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const src = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src'));
  const problems = checkLayers(src);
  for (const p of problems) console.error(p);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
