/**
 * Names chosen by whoever controls an AWS account (account, trail, event data store names)
 * and entries of a tampered bundle, holding ESC/OSC sequences, CR, LF and GitHub workflow
 * commands: no raw control character reaches the terminal or a human-readable report, no
 * forged line ("exit 0: all clear", a fake "intact") appears, and no line starts a workflow command.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/util/html-escape.js';
import { startSimulator } from '../../src/simulator/index.js';
import { cli, type CliRun } from '../helpers/cli.js';
import { folderWith, scanAccount, scratch, trailRule } from './hostile.js';

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

  it("the HTML report keeps a rule's own line breaks (its description), unlike those read from AWS", () => {
    const doc = JSON.parse(readFileSync(join(run(), 'results.json'), 'utf8')) as { rules: Array<{ description: string }> };
    const [first, second] = doc.rules
      .map((r) => r.description)
      .find((d) => d.trim().includes('\n'))!
      .split('\n');
    expect(readFileSync(join(run(), 'report.html'), 'utf8')).toContain(`${escapeHtml(first!)}\n${escapeHtml(second!)}`);
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

describe('hostile S3 keys in verify-logs', () => {
  it('a log prefix holding ESC, CR and LF is printed escaped in the summary of failures', async () => {
    const owner = '123456789012';
    const prefix = `audit${ESC}[8m\r\n${WORKFLOW}`;
    const world = {
      accounts: [
        {
          Id: owner,
          buckets: [{ Name: 'trail-bucket' }],
          trails: [{ Name: 'main', HomeRegion: 'eu-west-1', S3BucketName: 'trail-bucket', S3KeyPrefix: prefix, LogFileValidationEnabled: true }],
        },
      ],
      trailLogs: [{ trail: `arn:aws:cloudtrail:eu-west-1:${owner}:trail/main`, start: '2026-11-24T00:00:00Z', end: '2026-11-24T03:00:00Z', seed: 7, tamper: { deleteLogFiles: 1 } }],
    };
    const sim = await startSimulator({ world });
    try {
      const args = ['--trail', 'main', '--region', 'eu-west-1', '--start', '2026-11-24T00:00:00Z', '--end', '2026-11-24T03:00:00Z', '--output', join(dir, 'verify.json')];
      const verified = await scanAccount(sim, owner, args, 'verify-logs');
      expect(verified.code, verified.err).toBe(1);
      // (S3's XML listing turns the CR LF into LF on the way.)
      expect(verified.err).toMatch(/\ts3:\/\/trail-bucket\/audit\\x1b\[8m(\\x0d)?\\x0a::error::injected\/AWSLogs\//);
      expectSafe(verified.err.replaceAll('\t', ' '), 'verify-logs');
    } finally {
      await sim.close();
    }
  });
});

describe('hostile text in a rule file', () => {
  it('rules list and rules test print a title and test name holding ESC, CR and LF escaped', async () => {
    const rule = trailRule('hostile-title', '{ path: Trail.Name, op: equals, value: x }')
      .replace('title: hostile-title', `title: ${JSON.stringify(hostile('title'))}`)
      .replace('name: unreadable', `name: ${JSON.stringify(hostile('case'))}`)
      .replace('expect: error', 'expect: pass');
    const rules = folderWith(dir, 'hostile-rules', { 'hostile-title.yaml': rule });
    const listed = await cli(['rules', 'list', '--no-builtin', '--rules', rules]);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toContain('title\\x1b[2J');
    expectSafe(listed.out, 'rules list');
    const tested = await cli(['rules', 'test', rules]);
    expect(tested.code).toBe(1);
    expect(tested.out).toContain('case\\x1b[2J');
    expectSafe(tested.out, 'rules test');
  });
});
