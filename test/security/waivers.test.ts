/**
 * A waiver that matches everything (`rules: ["*"]`, `accounts: ["*"]`, `resources: ["*"]`) and
 * never expires used to waive every failure of an organization in silence. Now: an expiry
 * beyond the configured maximum (default one year) is refused at its line with exit 2, a blanket
 * waiver is warned about loudly, and every report says how many results each waiver covers.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { scratch } from './hostile.js';

const SMALL_ORG = {
  organization: { Id: 'o-waivers0001', MasterAccountId: '111111111111', RootId: 'r-wvwv' },
  accounts: [{ Id: '111111111111', Name: 'management', trails: [{ Name: 'main', HomeRegion: 'us-east-1', S3BucketName: 'logs' }], buckets: [{ Name: 'logs', Region: 'us-east-1' }] }],
};

let dir: string;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function waivers(name: string, expires: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    [
      'schemaVersion: 1',
      'waivers:',
      '  - id: everything',
      '    rules: ["*"]',
      '    accounts: ["*"]',
      '    resources: ["*"]',
      '    reason: Auditors are coming and everything must be green.',
      '    owner: somebody',
      `    expires: "${expires}"`,
      '',
    ].join('\n'),
  );
  return path;
}

beforeAll(() => {
  dir = scratch('waivers');
});

describe('waiver expiry', () => {
  it('an expiry beyond one year is refused: exit 2 at the line of `expires`, before any AWS call', async () => {
    const path = waivers('forever.yaml', '9999-12-31');
    const { code, out, err } = await cli(['scan', '--waivers', path, '--endpoint-url', 'http://127.0.0.1:9']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim()).toBe(`${path}:9:14: waiver \`everything\` expires (9999-12-31) more than 365 days from today: renew it when it runs out, or raise \`waiver_max_days\` in the config`);
  });
});

describe('a blanket waiver within the limit (raised to two years by `waiver_max_days`)', () => {
  let run: { code: number; out: string; err: string };
  const out = () => join(dir, 'run');

  beforeAll(async () => {
    waivers('blanket.yaml', day(700));
    const config = join(dir, 'trailguard.config.yaml');
    writeFileSync(config, 'waivers: ./blanket.yaml\nwaiver_max_days: 730\n');
    // A one-account organization keeps the sweep short; the built-in rules fail plenty in it.
    const world = join(dir, 'world.json');
    writeFileSync(world, JSON.stringify(SMALL_ORG));
    run = await cli(['demo', '--world', world, '--config', config, '--output-dir', out()]);
  }, 60_000);

  it('is warned about loudly, with the number of results it waives', () => {
    expect(run.code, run.err).toBe(0);
    const warning = run.err.split('\n').find((l) => l.includes('BLANKET WAIVER everything'));
    expect(warning).toMatch(/^warning: BLANKET WAIVER everything \(.*blanket\.yaml:3\): its wildcards cover every rule, every account, every resource; it waives (\d+) failing result\(s\)/);
  });

  it('every report says how many results the waiver covers', () => {
    const doc = JSON.parse(readFileSync(join(out(), 'results.json'), 'utf8')) as { results: Array<{ status: string; waiver?: { id: string; covers: number } }> };
    const waived = doc.results.filter((r) => r.status === 'waived');
    expect(waived.length).toBeGreaterThan(10);
    expect(doc.results.some((r) => r.status === 'fail')).toBe(false);
    expect(new Set(waived.map((r) => r.waiver?.covers))).toEqual(new Set([waived.length]));
    const covers = String(waived.length);
    const files = readdirSync(out());
    const read = (suffix: string) =>
      readFileSync(
        join(
          out(),
          files.find((f) => f.endsWith(suffix))!,
        ),
        'utf8',
      );
    expect(read('summary.md').includes(`covers ${covers} results`), 'summary.md').toBe(true);
    expect(read('.html').includes(`covers ${covers} results`), '.html').toBe(true);
    expect(read('.csv').split('\r\n')[0]).toContain('waiver_covers');
    expect(read('.csv').includes(`,${covers},`), '.csv').toBe(true);
    expect(read('junit.xml').includes(`covers ${covers} results`), 'junit.xml').toBe(true);
    expect(JSON.parse(read('.sarif')).runs[0].properties.waivers).toEqual({ everything: waived.length });
    expect(read('ocsf.jsonl').includes(`"covers":${covers}`), 'ocsf.jsonl').toBe(true);
    expect(read('asff.json').includes(`"trailguard/WaiverCovers": "${covers}"`), 'asff.json').toBe(true);
  });
});
