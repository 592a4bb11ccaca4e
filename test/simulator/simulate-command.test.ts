/** `trailguard simulate`: prints export lines that work with the SDK, serves until SIGINT. */
import { describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/util/io.js';
import { startSimulator } from '../../src/simulator/index.js';
import { cli } from '../helpers/cli.js';
import { FIXTURE_WORLD, MEMBER } from './helpers.js';

describe('trailguard simulate', () => {
  it('serves the world with the printed credentials until Ctrl-C', async () => {
    let out = '';
    let err = '';
    const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, env: {}, cwd: process.cwd() };
    const running = run(['simulate', '--world', FIXTURE_WORLD, '--port', '0', '--account', MEMBER], io);
    while (!err.includes('serving')) await new Promise((r) => setTimeout(r, 10));
    const env = Object.fromEntries([...out.matchAll(/^export (\w+)=(.*)$/gm)].map((m): [string, string] => [m[1]!, m[2] ?? '']));
    expect(env.AWS_ENDPOINT_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const sts = new STSClient({
      endpoint: env.AWS_ENDPOINT_URL ?? '',
      region: env.AWS_REGION ?? '',
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '' },
    });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe(MEMBER);
    process.emit('SIGINT');
    expect(await running).toBe(0);
    expect(err).toContain('stopped after 1 requests (0 mutating calls refused)');
  });

  it('rejects a bad world or flag with exit 2 and a located message', async () => {
    const bad = await cli(['simulate', '--world', 'test/fixtures/simulator/missing.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('test/fixtures/simulator/missing.yaml: cannot read world file');
    const port = await cli(['simulate', '--world', FIXTURE_WORLD, '--port', 'eighty']);
    expect([port.code, port.err.trim()]).toEqual([2, '--port must be an integer from 0 to 65535, not "eighty"']);
    const busy = await startSimulator({ world: FIXTURE_WORLD });
    try {
      const taken = await cli(['simulate', '--world', FIXTURE_WORLD, '--port', String(busy.port)]);
      expect([taken.code, taken.err.trim()]).toEqual([2, `--port ${busy.port}: the port is in use; choose another (0 picks a free one)`]);
    } finally {
      await busy.close();
    }
    const account = await cli(['simulate', '--world', FIXTURE_WORLD, '--account', '123123123123']);
    expect(account.code).toBe(2);
    expect(account.err).toContain('no such account');
  });
});
