/** Shared setup for simulator tests: the fixture world and SDK clients pointed at it. */
import { fileURLToPath } from 'node:url';
import type { Simulator } from '../../src/simulator/index.js';

export const FIXTURE_WORLD = fileURLToPath(new URL('../fixtures/simulator/world.yaml', import.meta.url));

export const MGMT = '111111111111';
export const ARCHIVE = '222222222222';
export const AUDIT = '333333333333';
export const MEMBER = '444444444444';
export const SUSPENDED = '555555555555';
export const STANDALONE = '666666666666';

/** Config, VPC flow logs and Security Hub in every region state: one account set up well, one with gaps. */
export const REGIONAL_SERVICES_WORLD = fileURLToPath(new URL('../fixtures/simulator/regional-services.yaml', import.meta.url));
export const GOOD = '111111111111';
export const GAPS = '222222222222';

/** A client of `Ctor` for an account and region, with retries off so each call is one request. */
export function clientFor<C>(sim: Simulator, Ctor: new (config: object) => C, account: string, region = 'us-east-1', extra: object = {}): C {
  return new Ctor({ ...sim.clientConfigFor(account, region), maxAttempts: 1, ...extra });
}

/** The rejection of a promise (fails the test if it resolves). */
export async function failure(p: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as { name: string; message: string; $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}
