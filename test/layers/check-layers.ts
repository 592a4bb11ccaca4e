/**
 * The import graph of src/, checked by `npm run lint`: a folder imports only folders of lower
 * layers (cli on top, imported by nothing), and no file imports itself through other files.
 * Type-only imports count: a cycle of types still ties the files' meanings together.
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

/** Each .ts file under `src` (relative, `/`-separated) with the files it imports. */
export function importGraph(src: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => f.split('\\').join('/'));
  for (const file of files.sort()) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(src, file), 'utf8'), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => relative(src, resolve(src, dirname(file), name.replace(/\.js$/, '.ts'))).split('\\').join('/'));
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
      if (row.get(to)! <= row.get(from)!) problems.push(`src/${file} imports src/${target}: ${from} may not import ${to} (${row.get(to) === row.get(from) ? 'same layer' : 'a higher layer'})`);
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
  const graph = importGraph(src);
  return [...layerProblems(graph, layers), ...cycles(graph).map((c) => `import cycle: ${c.map((f) => `src/${f}`).join(' <-> ')}`)];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const src = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src'));
  const problems = checkLayers(src);
  for (const p of problems) console.error(p);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
