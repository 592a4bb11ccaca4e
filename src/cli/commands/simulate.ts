/**
 * `trailguard simulate --world FILE`: serve a simulated AWS organization on loopback until
 * Ctrl-C, so any tool (trailguard, the AWS CLI, other scanners) can be pointed at it.
 */
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { loadWorldFile, startSimulator } from '../../simulator/index.js';
import type { CommandContext } from '../io.js';

interface SimulateFlags {
  world: string;
  port: string;
  pageSize?: string;
  account?: string;
}

function integer(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`${flag} must be an integer from ${min} to ${max}, not "${value}"`);
  return n;
}

export function register(command: Command, ctx: CommandContext): void {
  command
    .requiredOption('--world <file>', 'world file, e.g. examples/demo-org.yaml')
    .option('--port <n>', 'port to listen on (0: any free port)', '4599')
    .option('--page-size <n>', 'largest page any paginated list returns (to exercise pagination)')
    .option('--account <id>', 'print the credentials of this account (default: the management account)')
    .action(async (flags: SimulateFlags) => {
      const world = loadWorldFile(flags.world);
      const accountId = flags.account ?? world.organization?.masterAccountId ?? [...world.accounts.keys()][0] ?? '';
      if (!world.accounts.has(accountId)) throw new InputError(`--account ${accountId}: no such account in ${flags.world}`);
      const port = integer(flags.port, '--port', 0, 65535);
      const sim = await startSimulator({
        world,
        port,
        ...(flags.pageSize ? { pageSize: integer(flags.pageSize, '--page-size', 1, 10_000) } : {}),
      }).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE') throw new InputError(`--port ${port}: the port is in use; choose another (0 picks a free one)`);
        throw e;
      });
      const creds = sim.credentialsFor(accountId);
      ctx.io.out(
        [
          `# trailguard simulator: ${flags.world} (${world.accounts.size} accounts) at ${sim.endpoint}`,
          `# credentials of account ${accountId}; other accounts: --account ID, or sts assume-role into them`,
          `export AWS_ENDPOINT_URL=${sim.endpoint}`,
          `export AWS_ACCESS_KEY_ID=${creds.accessKeyId}`,
          `export AWS_SECRET_ACCESS_KEY=${creds.secretAccessKey}`,
          'export AWS_REGION=us-east-1',
          'export AWS_DEFAULT_REGION=us-east-1',
          '# S3 needs path-style addressing on loopback (aws configure set default.s3.addressing_style path)',
          '',
        ].join('\n'),
      );
      ctx.io.err('serving; press Ctrl-C to stop\n');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await sim.close();
      ctx.io.err(`stopped after ${sim.counters.count()} requests (${sim.mutations.length} mutating calls refused)\n`);
    });
}
