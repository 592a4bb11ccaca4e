/**
 * Every CLI command: its name and summary here, its flags and action in its own module, which
 * is imported only when the command is chosen (so `--version` and `--help` load none of them).
 */
import type { Command } from 'commander';
import type { CommandContext } from '../io.js';

export interface CommandModule {
  /** Adds the flags, sub-commands and action to the command `main` created with this entry's name and description. */
  register(command: Command, ctx: CommandContext): void;
}

export interface CommandEntry {
  name: string;
  description: string;
  load(): Promise<CommandModule>;
}

export const COMMANDS: CommandEntry[] = [
  {
    name: 'scan',
    description: 'scan an AWS account (or the whole organization) with read-only calls, evaluate the rules and write reports',
    load: () => import('./scan.js'),
  },
  {
    name: 'iac',
    description: 'evaluate the rules on a Terraform plan (terraform show -json) or CloudFormation templates (YAML, JSON, cdk.out), before deploy',
    load: () => import('./iac.js'),
  },
  {
    name: 'demo',
    description: 'scan the bundled demo AWS organization (served by the built-in simulator on loopback: no AWS account needed)',
    load: () => import('./demo.js'),
  },
  { name: 'rules', description: 'list, validate and test rules', load: () => import('./rules.js') },
  {
    name: 'evaluate',
    description: 'evaluate an inventory against the rules and write JSON results (exit 0 ok, 1 failures, 2 bad input, 3 incomplete, 4 internal)',
    load: () => import('./evaluate.js'),
  },
  {
    name: 'collect',
    description: "read one account's audit configuration (read-only API calls, only those the selected rules need) and write inventory.json",
    load: () => import('./collect.js'),
  },
  { name: 'evidence', description: 'auditor evidence bundles: export a saved run, verify a bundle', load: () => import('./evidence.js') },
  {
    name: 'verify-logs',
    description: "validate a trail's log files against its signed digest files (like `aws cloudtrail validate-logs`, streamed and parallel)",
    load: () => import('./verify-logs.js'),
  },
  { name: 'report', description: 're-render a saved results.json in any report format, and gate on it like scan does', load: () => import('./report.js') },
  {
    name: 'diff',
    description: 'compare two results.json files: new failures, fixed, still failing, new and gone resources (exit 1 on new failures)',
    load: () => import('./diff.js'),
  },
  {
    name: 'merge',
    description: 'combine the run folders of a sharded sweep (scan --organization --shard I/N) into one report',
    load: () => import('./merge.js'),
  },
  {
    name: 'plan',
    description: 'print the API calls a scan of this account with the selected rules would make (discovery calls only: identity, regions, trails)',
    load: () => import('./plan.js'),
  },
  { name: 'permissions', description: 'print the least-privilege read-only IAM policy the selected rules need (JSON)', load: () => import('./permissions.js') },
  { name: 'simulate', description: 'serve a simulated AWS organization (a world YAML file) on 127.0.0.1 until Ctrl-C', load: () => import('./simulate.js') },
];

/** The command the arguments choose (`trailguard help scan` chooses scan); global flags take no values, so it is the first word. */
export function chosenCommand(argv: readonly string[]): CommandEntry | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}
