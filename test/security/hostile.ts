/**
 * What the attacks in test/security/ share: a scratch folder, a world file and rule files written
 * by the test, the simulator serving that world, and `trailguard scan` run against it with the
 * account's credentials in the environment, as a user runs it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { cli, type CliRun } from '../helpers/cli.js';

export function scratch(label: string): string {
  return mkdtempSync(join(tmpdir(), `tg-${label}-`));
}

/** Writes `files` (name → text) into a new folder under `dir` and returns the folder. */
export function folderWith(dir: string, name: string, files: Record<string, string>): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
}

/** A user rule on every trail asserting `condition` (a YAML flow mapping). */
export function trailRule(id: string, condition: string): string {
  return [
    'schemaVersion: 1',
    `id: ${id}`,
    `title: ${id}`,
    'severity: high',
    'resource: trail',
    'description: A rule written by the attack.',
    'rationale: Attack.',
    'remediation: { summary: None. }',
    'references: []',
    `assert: ${condition}`,
    'messages: { pass: ok, fail: "failed: {{failures}}" }',
    'tests: [{ name: unreadable, view: { Trail: { Name: t }, $errors: { Trail: { operation: DescribeTrails, errorName: AccessDenied } } }, expect: error }]',
    '',
  ].join('\n');
}

/** Serves `world` (a WorldSpec, written to a file first so it goes through the world loader). */
export async function serveWorld(dir: string, world: unknown): Promise<Simulator> {
  const file = join(dir, 'world.json');
  writeFileSync(file, JSON.stringify(world));
  return startSimulator({ world: file });
}

/** `trailguard scan` (or another command that reads AWS) as one account, its credentials set in the environment and restored after. */
export async function scanAccount(sim: Simulator, accountId: string, args: string[], command = 'scan'): Promise<CliRun> {
  const credentials = sim.credentialsFor(accountId);
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  try {
    return await cli([command, '--endpoint-url', sim.endpoint, '--max-attempts', '2', ...args]);
  } finally {
    restore('AWS_ACCESS_KEY_ID', saved.id);
    restore('AWS_SECRET_ACCESS_KEY', saved.secret);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
