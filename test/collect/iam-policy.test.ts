import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { iamActionsFor, isReadOnlyAction } from '../../src/collect/iam-policy.js';
import { ALL_SECTIONS, closePlan, SECTION_IDS, SECTIONS } from '../../src/collect/sections.js';

describe('IAM policy', () => {
  it('grants only read actions (List/Get/Describe)', () => {
    const actions = iamActionsFor(ALL_SECTIONS);
    expect(actions.length).toBeGreaterThan(30);
    expect(actions.filter((a) => !isReadOnlyAction(a))).toEqual([]);
  });

  it('docs/iam-policy.json grants every action of every section', async () => {
    const policy = JSON.parse(await readFile(join(PACKAGE_ROOT, 'docs/iam-policy.json'), 'utf8')) as {
      Statement: Array<{ Action: string[] }>;
    };
    const granted = new Set(policy.Statement.flatMap((s) => s.Action));
    for (const id of SECTION_IDS) {
      for (const call of SECTIONS[id].calls) if (call.iamAction) expect(granted, `${id} ${call.operation}`).toContain(call.iamAction);
    }
  });

  it('a narrower plan needs fewer actions, and always identity and regions', () => {
    const plan = closePlan(['bucket-lifecycle']);
    expect([...plan].sort()).toEqual(['bucket-lifecycle', 'bucket-location', 'identity', 'regions', 'trails']);
    expect(iamActionsFor(plan)).toEqual([
      'account:ListRegions',
      'cloudtrail:GetTrail',
      'cloudtrail:ListTrails',
      'ec2:DescribeRegions',
      's3:GetBucketLocation',
      's3:GetLifecycleConfiguration',
    ]);
  });
});
