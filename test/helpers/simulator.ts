/**
 * One simulator for a test file or describe block, served over HTTP as the user's SDK clients
 * reach it: started before the block's tests, closed after them. Called where `describe` is
 * (or at the top of the file), like the hooks it registers.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';

export interface UseSimulatorOptions extends Omit<SimulatorOptions, 'world'> {
  /**
   * Signs the process in as this account while the block runs: AWS_ACCESS_KEY_ID,
   * AWS_SECRET_ACCESS_KEY and AWS_REGION set, no profile or session token, so the SDK's
   * default credential chain finds them as it would in a user's shell. Restored after.
   */
  signInAs?: string;
  /** AWS_REGION with signInAs (default us-east-1). */
  region?: string;
  /** Clears the request log, counters and run-time faults before each test. */
  resetEachTest?: boolean;
}

/**
 * The simulator of the enclosing block. `world` may be a function, called when the simulator
 * starts (a world built per block). The value returned stands in for the simulator, which
 * exists only once the block's tests run: read it inside tests and hooks.
 */
export function useSimulator(world: SimulatorOptions['world'] | (() => SimulatorOptions['world']), options: UseSimulatorOptions = {}): Simulator {
  const { signInAs, region = 'us-east-1', resetEachTest, ...simulatorOptions } = options;
  let running: Simulator | undefined;
  let savedEnv: NodeJS.ProcessEnv | undefined;
  beforeAll(async () => {
    running = await startSimulator({ ...simulatorOptions, world: typeof world === 'function' ? world() : world });
    if (signInAs) {
      savedEnv = { ...process.env };
      Object.assign(process.env, awsEnv(running, signInAs, region));
      delete process.env.AWS_PROFILE;
      delete process.env.AWS_SESSION_TOKEN;
    }
  }, 60_000); // a generated world of many accounts takes a while on a loaded machine
  afterAll(async () => {
    if (savedEnv) process.env = savedEnv;
    await running?.close();
    running = undefined;
  });
  if (resetEachTest) beforeEach(() => running?.reset());
  // A stand-in, so that tests write `sim.endpoint` as they would with the simulator itself.
  return new Proxy({} as Simulator, {
    get(_, member) {
      if (!running) throw new Error('useSimulator: the simulator runs only while its block does (read it in a test or hook)');
      return Reflect.get(running, member) as unknown;
    },
  });
}

/** The environment variables that sign the AWS SDK (or the CLI) in as `account` on `sim`. */
export function awsEnv(sim: Simulator, account: string, region = 'us-east-1'): { AWS_ACCESS_KEY_ID: string; AWS_SECRET_ACCESS_KEY: string; AWS_REGION: string } {
  const credentials = sim.credentialsFor(account);
  return { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey, AWS_REGION: region };
}
