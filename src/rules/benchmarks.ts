/**
 * Benchmarks (framework catalogues) and `--benchmark <id>[:<profile>]`: which controls a
 * selection holds, and which rules run for it. Rules point to controls through their
 * `frameworks:` map ({ "cis-aws-foundations@5.0.0": ["3.2"] }); a benchmark never lists rules,
 * so a user's rule mapped to a built-in control is selected like a built-in one.
 */
import { InputError } from '../errors.js';
import { builtinBenchmarks, type Benchmark, type BenchmarkControl } from './benchmark-load.js';
import { didYouMean } from '../util/did-you-mean.js';
import { parameterValueProblem } from './parameters.js';
import type { Rule } from './types.js';

/** A control of the selection with the rules (of the loaded rule set) mapped to it. */
export interface SelectedControl extends BenchmarkControl {
  ruleIds: string[];
}

export interface BenchmarkSelection {
  id: string;
  title: string;
  /** The profile asked for; undefined: the whole benchmark. */
  profile?: string;
  /** In benchmark order. */
  controls: SelectedControl[];
  /** The rules mapped to at least one selected control, in rule-set order. */
  rules: Rule[];
  /** The benchmark's parameters, each valid for every selected rule that declares it. */
  parameters: Record<string, unknown>;
}

/** Every control of the benchmark, in section order. */
export function controlsOf(benchmark: Benchmark): BenchmarkControl[] {
  return benchmark.sections.flatMap((section) => section.controls);
}

/** The profile and every profile it includes, transitively. */
export function profileClosure(benchmark: Benchmark, profile: string): Set<string> {
  const closure = new Set<string>();
  const visit = (name: string): void => {
    if (closure.has(name)) return;
    closure.add(name);
    for (const included of benchmark.profiles[name]?.includes ?? []) visit(included);
  };
  visit(profile);
  return closure;
}

/**
 * `<id>[:<profile>]` → the selected controls and the rules of `rules` mapped to them.
 * Throws InputError for an unknown benchmark or profile.
 */
export function selectBenchmark(rules: Rule[], spec: string, benchmarks: Benchmark[] = builtinBenchmarks()): BenchmarkSelection {
  const colon = spec.indexOf(':');
  const id = colon < 0 ? spec : spec.slice(0, colon);
  const profile = colon < 0 ? undefined : spec.slice(colon + 1);
  const benchmark = benchmarks.find((b) => b.id === id);
  if (!benchmark) {
    const ids = benchmarks.map((b) => b.id);
    throw new InputError(`--benchmark: unknown benchmark \`${id}\`${didYouMean(id, ids)} (available: ${ids.join(', ')})`);
  }
  const profiles = Object.keys(benchmark.profiles);
  if (profile !== undefined && !profiles.includes(profile)) {
    const available = profiles.length > 0 ? `profiles: ${profiles.join(', ')}` : 'it has no profiles';
    throw new InputError(`--benchmark: ${benchmark.id} has no profile \`${profile}\`${didYouMean(profile, profiles)} (${available})`);
  }
  const inProfile = profile === undefined ? undefined : profileClosure(benchmark, profile);
  const controls = controlsOf(benchmark)
    .filter((control) => !inProfile || (control.profile !== undefined && inProfile.has(control.profile)))
    .map((control) => ({ ...control, ruleIds: rules.filter((rule) => rule.frameworks[benchmark.id]?.includes(control.id)).map((rule) => rule.id) }));
  const selected = new Set(controls.flatMap((control) => control.ruleIds));
  const chosen = rules.filter((rule) => selected.has(rule.id));
  const invalid = chosen.flatMap((rule) =>
    Object.entries(benchmark.parameters).flatMap(([name, value]) => {
      const spec = rule.parameters[name];
      const problem = spec && parameterValueProblem(spec, value);
      return problem ? [{ file: benchmark.file, message: `parameter \`${name}\` does not suit rule \`${rule.id}\`: ${problem}` }] : [];
    }),
  );
  if (invalid.length > 0) throw new InputError(invalid);
  return {
    id: benchmark.id,
    title: benchmark.title,
    ...(profile !== undefined ? { profile } : {}),
    controls,
    rules: chosen,
    parameters: benchmark.parameters,
  };
}
