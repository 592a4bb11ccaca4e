/** docs/rules.md: the built-in pack as a table per service (the rules/ sub-folder), and the benchmarks they map to. */
import { PACKAGE_ROOT } from '../package-info.js';
import { iacApplicability } from '../iac/applicability.js';
import { loadBenchmarks } from '../rules/benchmark-load.js';
import { controlsOf } from '../rules/benchmarks.js';
import { loadRuleSet } from '../rules/load.js';

export function renderRulesDoc(): string {
  // Paths relative to the package root, whatever the working directory.
  const rules = loadRuleSet({ cwd: PACKAGE_ROOT }).rules;
  const benchmarks = loadBenchmarks(undefined, PACKAGE_ROOT);
  const services = new Map<string, typeof rules>();
  for (const rule of rules) {
    const service = rule.location.file.split('/')[1] ?? '';
    services.set(service, [...(services.get(service) ?? []), rule]);
  }
  const lines = [
    '# Built-in rules',
    '',
    '<!-- Generated from rules/ by `npm run docs` (src/docs/rules-doc.ts): edit the rule files, not this page. -->',
    '',
    `${rules.length} rules in ${services.size} services. Run the rules of one benchmark, or of one of its profiles, with`,
    '`--benchmark <id>[:<profile>]`; `trailguard rules list --benchmark <id>` lists its controls and their rules.',
    '',
    'The IaC column says how a rule applies to a Terraform plan or CloudFormation template (`trailguard iac`,',
    '[docs/iac.md](iac.md)): **yes**; **partly** when some verdicts depend on facts that exist only in a live account',
    '(those verdicts are `skip` "live-only"); **with --inventory** when the rule judges the account or organization as a',
    'whole, which a plan alone cannot show (give the live inventory to evaluate the account after apply).',
    '',
    '## Benchmarks',
    '',
    '| Benchmark | Title | Profiles | Controls (automated / manual) |',
    '|---|---|---|---|',
    ...benchmarks.map((b) => {
      const controls = controlsOf(b);
      const manual = controls.filter((c) => c.assessment === 'manual').length;
      const profiles =
        Object.keys(b.profiles)
          .map((p) => `\`${p}\``)
          .join(', ') || '—';
      return `| [\`${b.id}\`](../rules/benchmarks/${b.id}.yaml) | ${cell(b.title)} | ${profiles} | ${controls.length} (${controls.length - manual} / ${manual}) |`;
    }),
    // What each benchmark covers and how its sources were read (manual items, disputed statuses).
    ...benchmarks.flatMap((b) => (b.description ? ['', `**${b.id}**: ${b.description.trim().replace(/\s*\n\s*/g, ' ')}`] : [])),
  ];
  for (const [service, list] of [...services].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push('', `## ${service}`, '', '| Rule | Title | Severity | IaC | Frameworks |', '|---|---|---|---|---|');
    for (const rule of list) {
      const frameworks = Object.entries(rule.frameworks)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, ids]) => `${key}: ${ids.join(', ')}`)
        .join('<br>');
      lines.push(`| [\`${rule.id}\`](../${rule.location.file}) | ${cell(rule.title)} | ${rule.severity} | ${iacCell(rule)} | ${frameworks || '—'} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function iacCell(rule: Parameters<typeof iacApplicability>[0]): string {
  const { kind, liveOnly } = iacApplicability(rule);
  if (kind === 'yes') return 'yes';
  if (kind === 'live-only') return 'with --inventory';
  return `partly (live-only: ${liveOnly.map((p) => `\`${p}\``).join(', ')})`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}
