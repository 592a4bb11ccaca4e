/**
 * The SDK's notice that its 2027 releases will need Node 22 is silenced wherever trailguard
 * makes clients (trailguard supports Node 20 with pinned SDK versions); other warnings still show.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const script = `
  await import('./src/collect/clients.ts');
  const { STSClient } = await import('@aws-sdk/client-sts');
  new STSClient({ region: 'us-east-1' });
  process.emitWarning('another warning');
`;

describe('SDK warnings', () => {
  it('leave out the Node.js version notice, and only it', () => {
    const env = { ...process.env };
    delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('another warning');
    if (Number(process.versions.node.split('.')[0]) < 22) expect(run.stderr).not.toContain('NodeVersionSupportWarning');
  });
});
