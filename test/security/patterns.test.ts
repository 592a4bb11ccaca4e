/**
 * Patterns that backtrack catastrophically (a ReDoS rule, globs of stars, a JMESPath query that
 * doubles its value per pipe) against a trail whose name is as long as AWS allows: the scan ends
 * in seconds, and what cannot be computed is an `error` result naming the rule, never a hang or
 * an out-of-memory crash.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/evaluate/types.js';
import type { Simulator } from '../../src/simulator/index.js';
import { cli } from '../helpers/cli.js';
import { folderWith, scanAccount, scratch, serveWorld, trailRule } from './hostile.js';

const ACCOUNT = '123456789012';
// 128 characters, the most AWS allows in a trail name; 33 made `(a+)+b` take 22 s on a backtracking engine.
const LONG_NAME = 'a'.repeat(128);
const STARS = '********************!';

let dir: string;
let sim: Simulator;

beforeAll(async () => {
  dir = scratch('patterns');
  sim = await serveWorld(dir, { accounts: [{ Id: ACCOUNT, Name: 'target', trails: [{ Name: LONG_NAME, HomeRegion: 'us-east-1', S3BucketName: 'logs-bucket' }] }] });
});
afterAll(() => sim?.close());

async function scanWith(rules: Record<string, string>, extra: string[] = []): Promise<{ code: number; doc: ResultsDocument; ms: number; err: string }> {
  const ruleDir = folderWith(dir, `rules-${Object.keys(rules).join('-')}`, Object.fromEntries(Object.entries(rules).map(([id, text]) => [`${id}.yaml`, text])));
  const out = join(ruleDir, 'out');
  const started = Date.now();
  const { code, err } = await scanAccount(sim, ACCOUNT, ['--no-builtin', '--rules', ruleDir, '--regions', 'us-east-1', '--output-dir', out, '--format', 'json', ...extra]);
  const ms = Date.now() - started;
  if (code > 3 || code === 2) throw new Error(`exit ${code}: ${err}`);
  return { code, ms, err, doc: JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ResultsDocument };
}

describe('regular expressions run in linear time', () => {
  it('`matches: (a+)+b` against a 128-character trail name fails in milliseconds instead of hanging', async () => {
    const { code, doc, ms } = await scanWith({ 'redos-name': trailRule('redos-name', '{ path: Trail.Name, op: matches, value: "(a+)+b" }') });
    expect(ms).toBeLessThan(10_000);
    expect(code).toBe(1);
    expect(doc.results.map((r) => [r.ruleId, r.status])).toEqual([['redos-name', 'fail']]);
  });

  it('a pattern RE2 cannot run in linear time (a backreference) is refused at load: exit 2 at file:line', async () => {
    const rules = folderWith(dir, 'backref', { 'backref.yaml': trailRule('backref', '{ path: Trail.Name, op: matches, value: "(a+)\\\\1b" }') });
    const { code, err } = await cli(['rules', 'validate', '--no-builtin', '--rules', rules]);
    expect(code).toBe(2);
    expect(err).toMatch(/backref\.yaml:10:\d+: invalid regular expression .*RE2 syntax.*invalid escape sequence/);
  });
});

describe('globs run in linear time', () => {
  it('`arn_like: ********************!` against the trail ARN fails at once', async () => {
    const { code, doc, ms } = await scanWith({ 'star-arn': trailRule('star-arn', `{ path: Trail.TrailARN, op: arn_like, value: "${STARS}" }`) });
    expect(ms).toBeLessThan(10_000);
    expect(code).toBe(1);
    expect(doc.results.map((r) => r.status)).toEqual(['fail']);
  });

  it('a waiver whose globs are all stars is matched at once', async () => {
    const waivers = join(dir, 'star-waivers.yaml');
    writeFileSync(
      waivers,
      [
        'schemaVersion: 1',
        'waivers:',
        `  - { id: stars, rules: ["${STARS}"], regions: ["${STARS}"], resources: ["${STARS}"], reason: "Globs written to backtrack for ever.", owner: attacker, expires: "${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}" }`,
      ].join('\n'),
    );
    const { doc, ms } = await scanWith({ 'star-waived': trailRule('star-waived', '{ path: Trail.Name, op: equals, value: x }') }, ['--waivers', waivers]);
    expect(ms).toBeLessThan(10_000);
    expect(doc.results.map((r) => r.status)).toEqual(['fail']);
  });
});

describe('JMESPath queries have a budget', () => {
  it('a query doubling its value per pipe is an `error` result naming the rule, in bounded time and memory', async () => {
    const bomb = `Trail | ${Array(64).fill('[@, @]').join(' | ')} | to_string(@)`;
    const before = process.memoryUsage().rss;
    const { code, doc, ms } = await scanWith({ 'query-bomb': trailRule('query-bomb', `{ query: "${bomb}", op: not_empty }`) });
    expect(ms).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
    expect(code).toBe(3);
    const [result] = doc.results;
    expect(result).toMatchObject({ ruleId: 'query-bomb', status: 'error' });
    expect(result!.error!.message).toMatch(/query failed: the query built a value larger than 2000000 elements/);
  });

  it('an ordinary query is unaffected', async () => {
    const { doc } = await scanWith({ 'query-ok': trailRule('query-ok', '{ query: "Trail.Name", op: equals, value: "' + LONG_NAME + '" }') });
    expect(doc.results.map((r) => r.status)).toEqual(['pass']);
  });
});
