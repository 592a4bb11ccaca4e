/**
 * Loading framework catalogues (rules/benchmarks/<framework>@<version>.yaml) with the rule
 * loader's machinery: YAML with positions, the JSON Schema, located problems, every problem
 * of every file collected before one InputError. Then the checks a schema cannot express:
 * id = file name, unique section and control ids, profiles that exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { InputError, type Problem } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { BUILTIN_RULES_DIR, displayPath, sortProblems } from './load.js';
import { schemaProblems } from '../documents/schema-problems.js';
import { validatorFor } from '../documents/schemas.js';
import { parseYamlFile, problemAt, type YamlFile } from '../documents/yaml-file.js';

export type Assessment = 'automated' | 'manual';

export interface BenchmarkControl {
  id: string;
  title: string;
  section: { id: string; title: string };
  /** The lowest profile that holds the control (benchmarks with profiles only). */
  profile?: string;
  assessment: Assessment;
  note?: string;
}

export interface Benchmark {
  id: string;
  title: string;
  description?: string;
  references: string[];
  /** Profile name → its description and the profiles it includes. Empty: the benchmark has no levels. */
  profiles: Record<string, { description: string; includes: string[] }>;
  /** Parameter values for every selected rule that declares the parameter (the config still wins). */
  parameters: Record<string, unknown>;
  sections: Array<{ id: string; title: string; controls: BenchmarkControl[] }>;
  /** The benchmark file, for messages. */
  file: string;
}

export const BUILTIN_BENCHMARKS_DIR = join(BUILTIN_RULES_DIR, 'benchmarks');

interface RawBenchmark {
  id: string;
  title: string;
  description?: string;
  references?: string[];
  profiles?: Record<string, { description: string; includes?: string[] }>;
  parameters?: Record<string, unknown>;
  sections: Array<{ id: string; title: string; controls: Array<Omit<BenchmarkControl, 'section'>> }>;
}

/** Every benchmark file in `dir`, sorted by id; throws InputError (file:line:col per problem) when one is invalid. */
export function loadBenchmarks(dir: string = BUILTIN_BENCHMARKS_DIR, cwd: string = process.cwd()): Benchmark[] {
  const problems: Problem[] = [];
  const benchmarks: Benchmark[] = [];
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
    : [];
  for (const name of files) {
    const file = displayPath(join(dir, name), cwd);
    const { yaml, problems: syntax } = parseYamlFile(file, readFileSync(join(dir, name), 'utf8'));
    if (syntax.length > 0) {
      problems.push(...syntax);
      continue;
    }
    const { benchmark, problems: invalid } = compileBenchmark(yaml);
    problems.push(...invalid);
    if (benchmark) benchmarks.push(benchmark);
  }
  if (problems.length > 0) throw new InputError(sortProblems(problems));
  return benchmarks.sort((a, b) => a.id.localeCompare(b.id));
}

let builtin: Benchmark[] | undefined;

/** The built-in benchmarks, loaded once per process. */
export function builtinBenchmarks(): Benchmark[] {
  builtin ??= loadBenchmarks();
  return builtin;
}

function compileBenchmark(yaml: YamlFile): { benchmark?: Benchmark; problems: Problem[] } {
  const problems = schemaProblems(validatorFor('benchmark'), yaml).map((s) => s.problem);
  // The checks below read the shape the schema promises.
  if (problems.length > 0) return { problems };
  const raw = yaml.value as RawBenchmark;
  const stem = basename(yaml.file, extname(yaml.file));
  if (raw.id !== stem) problems.push(problemAt(yaml, ['id'], `benchmark id \`${raw.id}\` must equal the file name stem \`${stem}\``));

  const profiles = Object.keys(raw.profiles ?? {});
  for (const [name, profile] of Object.entries(raw.profiles ?? {})) {
    (profile.includes ?? []).forEach((included, i) => {
      if (!profiles.includes(included) || included === name) {
        problems.push(problemAt(yaml, ['profiles', name, 'includes', i], `profile \`${name}\` includes unknown profile \`${included}\`${didYouMean(included, profiles)}`));
      }
    });
  }

  const sectionIds = new Set<string>();
  const controlIds = new Set<string>();
  raw.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) problems.push(problemAt(yaml, ['sections', s, 'id'], `duplicate section id \`${section.id}\``));
    sectionIds.add(section.id);
    section.controls.forEach((control, c) => {
      const at = ['sections', s, 'controls', c];
      if (controlIds.has(control.id)) problems.push(problemAt(yaml, [...at, 'id'], `duplicate control id \`${control.id}\`: a control id appears once per benchmark`));
      controlIds.add(control.id);
      if (profiles.length > 0 && control.profile === undefined) {
        problems.push(problemAt(yaml, at, `control \`${control.id}\` is missing required key \`profile\` (the benchmark declares profiles: ${profiles.join(', ')})`));
      } else if (control.profile !== undefined && !profiles.includes(control.profile)) {
        const hint = profiles.length === 0 ? ' (the benchmark declares no profiles)' : didYouMean(control.profile, profiles);
        problems.push(problemAt(yaml, [...at, 'profile'], `unknown profile \`${control.profile}\`${hint}`));
      }
    });
  });
  if (problems.length > 0) return { problems };

  const benchmark: Benchmark = {
    id: raw.id,
    title: raw.title,
    ...(raw.description ? { description: raw.description } : {}),
    references: raw.references ?? [],
    profiles: Object.fromEntries(Object.entries(raw.profiles ?? {}).map(([name, p]) => [name, { description: p.description, includes: p.includes ?? [] }])),
    parameters: raw.parameters ?? {},
    sections: raw.sections.map((section) => ({
      id: section.id,
      title: section.title,
      controls: section.controls.map((control) => ({ ...control, section: { id: section.id, title: section.title } })),
    })),
    file: yaml.file,
  };
  return { benchmark, problems: [] };
}
