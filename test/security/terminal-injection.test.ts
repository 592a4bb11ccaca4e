/**
 * Names chosen by whoever controls an AWS account (account, trail, event data store names)
 * and entries of a tampered bundle, holding ESC/OSC sequences, CR, LF and GitHub workflow
 * commands: no raw control character reaches the terminal or a human-readable report, no
 * forged line ("exit 0: all clear", a fake "intact") appears, and no line starts a workflow command.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, type CliRun } from '../helpers/cli.js';
import { scratch } from './hostile.js';

const ESC = '\x1b';
const FORGED = 'exit 0: all clear';
const WORKFLOW = '::error::injected';
// Clears the screen, sets the window title (OSC), returns the carriage, forges a line and a workflow command.
const hostile = (label: string) => `${label}${ESC}[2J${ESC}]0;pwned\x07\r\n${FORGED}\n${WORKFLOW}\n${ESC}[30;40m${ESC}[8m`;

const MANAGEMENT = '111111111111';
const WORLD = {
  organization: { Id: 'o-hostile0001', MasterAccountId: MANAGEMENT, RootId: 'r-host' },
  accounts: [
    {
      Id: MANAGEMENT,
      Name: hostile('management'),
      trails: [{ Name: hostile('trail'), HomeRegion: 'us-east-1', S3BucketName: 'hostile-logs', IsMultiRegionTrail: true, IsOrganizationTrail: true }],
      eventDataStores: [{ Name: hostile('store'), Region: 'us-east-1' }],
      buckets: [{ Name: 'hostile-logs', Region: 'us-east-1' }],
    },
    { Id: '777777777777', Name: hostile('closed'), Status: 'SUSPENDED' },
  ],
};

/** No raw control character but line breaks (and tab, and the CRLF of CSV rows); no line forged or starting `::`. */
function expectSafe(text: string, where: string, options: { crlf?: boolean } = {}): void {
  // eslint-disable-next-line no-control-regex
  const unsafe = options.crlf ? /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/ : /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
  expect(unsafe.exec(text)?.[0], `${where} holds a raw control character`).toBeUndefined();
  for (const line of text.split(/\r?\n/)) {
    expect(line.startsWith('::'), `${where}: a line starts a workflow command: ${line}`).toBe(false);
    expect(line.trim(), `${where}: forged line`).not.toBe(FORGED);
  }
}

let dir: string;
let demo: CliRun;
const run = () => join(dir, 'run');

beforeAll(async () => {
  dir = scratch('inject');
  const world = join(dir, 'world.json');
  writeFileSync(world, JSON.stringify(WORLD));
  demo = await cli(['demo', '--world', world, '--output-dir', run()]);
}, 60_000);

describe('hostile names from AWS', () => {
  it('demo (an organization sweep) prints them escaped: progress, skipped accounts, summary', () => {
    expect(demo.code, demo.err).toBe(0);
    expect(demo.err).toContain('skipped 777777777777 (closed\\x1b[2J\\x1b]0;pwned\\x07\\x0d\\x0aexit 0: all clear\\x0a::error::injected');
    expectSafe(demo.out, 'stdout');
    expectSafe(demo.err, 'stderr');
  });

  it('the CSV, HTML and Markdown reports hold them escaped', () => {
    const files = readdirSync(run());
    for (const name of ['results.csv', 'report.html', 'summary.md']) {
      const file = files.find((f) => f === name || f.endsWith(name.slice(name.indexOf('.'))));
      expect(file, `${name} in ${files.join(', ')}`).toBeDefined();
      const text = readFileSync(join(run(), file!), 'utf8');
      expectSafe(text, file!, { crlf: name.endsWith('.csv') });
      expect(text).toContain('\\x1b[2J');
    }
  });

  it('diff of two scans prints them escaped, in text and Markdown', async () => {
    const results = join(run(), 'results.json');
    const old = join(dir, 'old-results.json');
    const doc = JSON.parse(readFileSync(results, 'utf8')) as { results: Array<{ status: string }> };
    // Every failure "new": the old run had none.
    writeFileSync(old, JSON.stringify({ ...doc, results: doc.results.filter((r) => r.status !== 'fail') }));
    for (const format of ['text', 'markdown']) {
      const diff = await cli(['diff', old, results, '--format', format]);
      expect(diff.code).toBe(1);
      expect(diff.out).toContain('\\x1b');
      expectSafe(diff.out, `diff --format ${format}`);
    }
  });
});

describe('a tampered evidence bundle', () => {
  it('cannot print a fake "intact" line or hide the real verdict with an entry name', async () => {
    const bundle = join(dir, 'bundle');
    const exported = await cli(['evidence', 'export', '--run', run(), '--out', bundle]);
    expect(exported.code, exported.err).toBe(0);
    writeFileSync(join(bundle, `zz\nb: intact (83 files match manifest.json and SHA256SUMS)${ESC}[30;40m${ESC}[8m`), 'extra');
    const verified = await cli(['evidence', 'verify', bundle]);
    expect(verified.code).toBe(1);
    expectSafe(verified.out, 'evidence verify');
    const lines = verified.out.trim().split('\n');
    expect(lines.filter((l) => /: intact \(/.test(l) && !l.includes('\\x0a'))).toEqual([]);
    expect(lines.at(-1)).toMatch(/: NOT intact, 1 problem\(s\)$/);
  });
});
