/** Runs `evidence verify` on bundles in a child process and measures each: the RSS of a bomb is the process's, not the test runner's. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const CHILD = fileURLToPath(new URL('./verify-bundles-child.ts', import.meta.url));

export interface MeasuredVerify {
  bundle: string;
  code: number;
  out: string;
  err: string;
  seconds: number;
  /** Peak RSS of the process up to the end of this bundle's verification (it only grows: order bundles smallest first). */
  peakRssMb: number;
}

export async function measuredVerify(publicKey: string, bundles: string[]): Promise<MeasuredVerify[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, publicKey, ...bundles], { maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as MeasuredVerify);
}
