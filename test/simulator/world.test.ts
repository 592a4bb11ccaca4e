/** World files: located, helpful errors; the bundled demo organization; the generator. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { DEMO_WORLD, generateWorld, loadWorldFile, parseWorld, World } from '../../src/simulator/index.js';
import { FIXTURE_WORLD } from './helpers.js';

function problems(text: string): string[] {
  try {
    parseWorld(text, 'w.yaml');
  } catch (e) {
    if (e instanceof InputError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected the world to be rejected');
}

describe('world files', () => {
  it('loads the test fixture and the bundled demo organization', () => {
    expect(loadWorldFile(FIXTURE_WORLD).accounts.size).toBe(6);
    const demo = loadWorldFile(DEMO_WORLD);
    expect(demo.organization?.masterAccountId).toBe('111111111111');
    expect(demo.organizationTrails.map((t) => t.arn)).toEqual(['arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail']);
    expect([...demo.accounts.values()].filter((a) => a.id !== '111111111111').every((a) => a.roles.has('OrganizationAccountAccessRole'))).toBe(true);
  });

  it('reports a misspelt key at its line with a suggestion', () => {
    expect(problems('accounts:\n  - Id: "111111111111"\n    trails:\n      - Name: t\n        HomeRegion: us-east-1\n        S3BucketName: b\n        IsMultiRegionTrial: true\n')).toEqual([
      'w.yaml:7:9: unknown key `IsMultiRegionTrial`; did you mean `IsMultiRegionTrail`?',
    ]);
  });

  it('reports wrong values and missing keys where they are', () => {
    const out = problems('accounts:\n  - Id: "12345"\n    Status: ACTIVATED\n    buckets:\n      - Region: eu-west-1\n');
    expect(out).toEqual([
      expect.stringMatching(/^w\.yaml:2:9: .*Id.* must match pattern/),
      expect.stringMatching(/^w\.yaml:3:13: .*Status.* must be one of ACTIVE, SUSPENDED, PENDING_CLOSURE/),
      expect.stringMatching(/^w\.yaml:5:9: .*buckets.* is missing required key `Name`/),
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problems('accounts: [\n')[0]).toMatch(/^w\.yaml:\d+:\d+: /);
  });

  it('checks what the schema cannot: duplicates, organization trail owners, references', () => {
    const out = problems(
      [
        'organization: { MasterAccountId: "111111111111", DelegatedAdministrators: { cloudtrail.amazonaws.com: ["999999999999"] } }',
        'accounts:',
        '  - Id: "111111111111"',
        '    buckets: [{ Name: shared-bucket }]',
        '  - Id: "222222222222"',
        '    Parent: Workload',
        '    buckets: [{ Name: shared-bucket }]',
        '    trails: [{ Name: t, HomeRegion: us-east-1, S3BucketName: b, IsOrganizationTrail: true, CloudWatchLogsLogGroupArn: "arn:aws:logs:us-east-1:111111111111:log-group:g:*" }]',
        '  - Id: "111111111111"',
      ].join('\n'),
    );
    expect(out).toEqual(
      expect.arrayContaining([
        'w.yaml:6:13: no organizational unit named `Workload` in organization.OrganizationalUnits',
        'w.yaml:7:23: bucket names are global: shared-bucket is already owned by account 111111111111',
        expect.stringMatching(/^w\.yaml:8:\d+: organization trails belong to the management account \(111111111111\)/),
        expect.stringMatching(/^w\.yaml:8:\d+: a trail delivers only to a log group of its own account \(222222222222\), not 111111111111/),
        'w.yaml:9:9: account 111111111111 is listed twice',
        expect.stringMatching(/^w\.yaml:1:\d+: delegated administrator 999999999999 is not in accounts/),
      ]),
    );
  });

  it('names an unreadable file', () => {
    expect(() => loadWorldFile('no/such/world.yaml')).toThrow(/no\/such\/world\.yaml: cannot read world file/);
  });
});

describe('generateWorld', () => {
  it('is deterministic from the seed and differs across seeds', () => {
    expect(JSON.stringify(generateWorld({ accounts: 50, seed: 3 }))).toBe(JSON.stringify(generateWorld({ accounts: 50, seed: 3 })));
    expect(JSON.stringify(generateWorld({ accounts: 50, seed: 3 }))).not.toBe(JSON.stringify(generateWorld({ accounts: 50, seed: 4 })));
  });

  it('builds a Control Tower layout with a mix of compliant and broken members', () => {
    const world = new World(generateWorld({ accounts: 200, seed: 1 }));
    expect(world.organizationTrails).toHaveLength(1);
    expect(world.buckets.get(world.organizationTrails[0]?.spec.S3BucketName ?? '')?.ownerId).toBe('100000000001');
    const members = [...world.accounts.values()].slice(3);
    const suspended = members.filter((a) => a.status === 'SUSPENDED').length;
    const stopped = members.filter((a) => a.trails.some((t) => t.spec.Status?.IsLogging === false)).length;
    const singleRegion = members.filter((a) => a.trails.some((t) => !t.spec.IsMultiRegionTrail)).length;
    for (const n of [suspended, stopped, singleRegion]) expect(n).toBeGreaterThan(3);
    expect(members.filter((a) => a.trails.length === 0 && a.status === 'ACTIVE').length).toBeGreaterThan(50);
  });

  it('builds 1,000 accounts × 17 regions quickly', () => {
    const started = performance.now();
    const world = new World(generateWorld({ accounts: 1000, regions: 17 }));
    expect(world.accounts.size).toBe(1000);
    expect(world.regions).toHaveLength(17);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
