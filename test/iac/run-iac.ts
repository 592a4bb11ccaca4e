/** Runs `trailguard iac` through the CLI as a user does, with the JSON results read back. */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import { cli } from '../helpers/cli.js';

export const IAC_OUTPUT = join(import.meta.dirname, '..', '..', 'test-output', 'iac');

export async function runIac(args: string[]): Promise<{ code: number; err: string; out: string; doc: ResultsDocument; dir: string }> {
  mkdirSync(IAC_OUTPUT, { recursive: true });
  const dir = mkdtempSync(join(IAC_OUTPUT, 'run-'));
  const results = join(dir, 'results.json');
  const run = await cli(['iac', ...args, '--scan-time', '2026-12-01T00:00:00Z', '--output-dir', dir, '--format', `json=${results}`]);
  const doc = [0, 1, 3].includes(run.code) ? (JSON.parse(readFileSync(results, 'utf8')) as ResultsDocument) : (undefined as never);
  return { ...run, doc, dir };
}
