/**
 * `trailguard demo`: the bundled demo organization, served by the simulator on a free loopback
 * port and scanned exactly as a user scans a real one (organization sweep, every report), so
 * nobody needs an AWS account to see trailguard work.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { addReportOptions, type ReportFlags } from '../../report/options.js';
import { addBenchmarkOption } from '../benchmark-option.js';
import { note } from '../../util/io.js';
import type { CommandContext } from '../io.js';
import { loadRunRules } from '../rule-selection.js';
import { DEMO_WORLD, PACKAGE_ROOT } from '../../package-info.js';
import { printable } from '../../util/visible-text.js';

/** What only the demo organization's owners could say: its critical buckets, its designated log bucket. */
export const DEMO_CONFIG = join(PACKAGE_ROOT, 'examples', 'demo-config.yaml');

interface DemoFlags extends ReportFlags {
  world: string;
  config: string;
  benchmark?: string;
}

export function register(command: Command, ctx: CommandContext): void {
  command
    .option('--world <file>', 'world file to serve instead of the demo organization', DEMO_WORLD)
    .option('--config <file>', "config file (default: the demo organization's)", DEMO_CONFIG);
  addReportOptions(addBenchmarkOption(command)).action(async (flags: DemoFlags) => {
    // The pipeline, the simulator and the AWS SDK are loaded only when the demo runs, not for --help.
    const [{ runScan }, { planForRules }, { loadWorldFile, startSimulator }, { watchCollection }] = await Promise.all([
      import('../../scan/run-scan.js'),
      import('../../plan/rule-plan.js'),
      import('../../simulator/index.js'),
      import('../scan-progress.js'),
    ]);
    const rules = await loadRunRules({ rules: [], builtin: true, config: flags.config, ...(flags.benchmark ? { benchmark: flags.benchmark } : {}) }, undefined, ctx.io);
    const world = loadWorldFile(flags.world);
    const management = world.organization?.masterAccountId ?? [...world.accounts.keys()][0] ?? '';
    const sim = await startSimulator({ world });
    try {
      note(ctx.io, printable`demo: simulating ${world.accounts.size} accounts at ${sim.endpoint}; scanning from the management account ${management}\n`);
      const watch = watchCollection(ctx.io, true);
      const exitCode = await runScan(
        {
          ...watch.events,
          target: {
            credentials: sim.credentialsFor(management),
            globalRegion: 'us-east-1',
            endpointUrl: sim.endpoint,
            maxAttempts: 8,
            requestTimeoutMs: 15_000,
            retryTuning: { baseDelayMs: 20, minFillRate: 100 },
          },
          // What `trailguard scan --organization` collects for these rules.
          plan: planForRules(rules.rules),
          organization: {
            role: { roleName: 'OrganizationAccountAccessRole', sessionName: 'trailguard-demo', durationSeconds: 3600 },
            filters: {},
            concurrency: 8,
          },
          rules,
          // The demo shows findings; it is not a gate unless asked to be.
          report: { ...flags, softFail: flags.failOn === undefined ? true : Boolean(flags.softFail) },
          argv: ctx.argv,
        },
        ctx.io,
      ).finally(watch.close);
      note(ctx.io, `demo: ${sim.counters.count()} AWS API calls served, ${sim.mutations.length} mutating calls attempted\n`);
      ctx.setExitCode(exitCode);
    } finally {
      await sim.close();
    }
  });
}
