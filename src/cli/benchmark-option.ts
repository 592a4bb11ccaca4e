/** `--benchmark <id>[:<profile>]`, the same on every command that selects rules. */
import type { Command } from 'commander';

export function addBenchmarkOption(command: Command): Command {
  return command.option('--benchmark <id[:profile]>', "only the rules mapped to this benchmark's controls, or to one profile and those it includes (e.g. cis-aws-foundations@5.0.0:level-1)");
}
