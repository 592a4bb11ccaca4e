/**
 * Evaluation benchmark: a synthetic inventory of 1,000 accounts (3 trails each, with their
 * buckets and keys, one organization trail over all of them) against every built-in rule.
 * Run: npm run bench:evaluate [-- --accounts N], which bundles this file with esbuild and runs
 * it with node: the figures are those of compiled JavaScript, not of tsx's on-the-fly transform.
 * Targets: ≥ 500,000 rule×view evaluations/s, peak RSS ≤ 300 MB. Each phase is timed in wall
 * time and in CPU time (process.cpuUsage, every thread) and, on Linux, the main thread's CPU
 * time: on a shared machine CPU time is the steadier figure, and the main thread's is what wall
 * time would be with a spare core for the garbage collector's helper threads.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { evaluate } from '../src/evaluate/evaluate.js';
import { buildViews } from '../src/evaluate/views/index.js';
import { parseInventory } from '../src/inventory/load.js';
import type { AccountInventory, Inventory, TrailRecord } from '../src/inventory/types.js';
import { loadRuleSet } from '../src/rules/load.js';

const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1', 'sa-east-1'];

function accountId(i: number): string {
  return String(100000000000 + i);
}

function syntheticAccount(i: number, management: string): AccountInventory {
  const id = accountId(i);
  const account: AccountInventory = {
    AccountId: id,
    Regions: REGIONS.map((RegionName, r) => ({ RegionName, Enabled: r < 6 })),
    trails: [],
    buckets: {},
    keys: {},
    logGroups: {},
    alarms: [],
    topics: {},
    eventRules: [],
    eventDataStores: [],
    errors: [],
  };
  const kinds: Array<Pick<TrailRecord, 'EventSelectors' | 'AdvancedEventSelectors'> & { multi: boolean; org: boolean }> = [
    { multi: true, org: id === management, EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, ExcludeManagementEventSources: [] }] },
    {
      multi: true,
      org: false,
      AdvancedEventSelectors: [
        {
          Name: 'management',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
          ],
        },
        {
          Name: 'ledger',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'resources.ARN', StartsWith: [`arn:aws:s3:::ledger-${id}/`] },
          ],
        },
      ],
    },
    { multi: false, org: false, EventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] },
  ];
  kinds.forEach((kind, t) => {
    const name = `trail-${t}`;
    const bucket = `trail-logs-${id}-${t}`;
    const keyId = `${id.slice(4)}-000${t}-4000-8000-${id}`;
    const keyArn = `arn:aws:kms:us-east-1:${id}:key/${keyId}`;
    account.trails.push({
      Trail: {
        Name: name,
        TrailARN: `arn:aws:cloudtrail:us-east-1:${id}:trail/${name}`,
        HomeRegion: 'us-east-1',
        S3BucketName: bucket,
        IsMultiRegionTrail: kind.multi,
        IsOrganizationTrail: kind.org,
        LogFileValidationEnabled: t !== 2,
        KmsKeyId: keyArn,
        IncludeGlobalServiceEvents: true,
      },
      Status: { IsLogging: t !== 1 },
      ...(kind.EventSelectors ? { EventSelectors: kind.EventSelectors } : {}),
      ...(kind.AdvancedEventSelectors ? { AdvancedEventSelectors: kind.AdvancedEventSelectors } : {}),
    });
    account.buckets[bucket] = {
      Name: bucket,
      OwnerAccountId: id,
      Region: 'us-east-1',
      Lifecycle: { Rules: [{ ID: 'archive', Status: 'Enabled', Filter: { Prefix: '' }, Transitions: [{ Days: 30 * (t + 1), StorageClass: 'GLACIER' }], Expiration: { Days: 2555 } }] },
      Versioning: { Status: 'Enabled' },
    };
    account.keys[keyArn] = {
      KeyMetadata: { KeyId: keyId, Arn: keyArn, AWSAccountId: id, KeyManager: 'CUSTOMER', Enabled: t !== 2, KeyState: t === 2 ? 'Disabled' : 'Enabled' },
      KeyRotationEnabled: t === 0,
      KeyPolicy: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'kms:GenerateDataKey*',
            Resource: '*',
            Condition: { StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${id}:trail/*` } },
          },
        ],
      },
      Aliases: [`alias/trail-${t}`],
    };
  });
  return account;
}

export function syntheticInventory(accounts: number): Inventory {
  const management = accountId(0);
  return {
    schemaVersion: 1,
    collectedAt: '2026-01-01T00:00:00.000Z',
    tool: { name: 'trailguard', version: 'bench' },
    partition: 'aws',
    organization: {
      Organization: { Id: 'o-bench00001', MasterAccountId: management },
      Accounts: Array.from({ length: accounts }, (_, i) => ({ Id: accountId(i), Status: 'ACTIVE' })),
      EnabledServicePrincipals: [{ ServicePrincipal: 'cloudtrail.amazonaws.com' }],
      errors: [],
    },
    accounts: Array.from({ length: accounts }, (_, i) => syntheticAccount(i, management)),
  };
}

const LIMITS = { evaluationsPerSecond: 500_000, peakRssMb: 300 };

interface Phase {
  wallMs: number;
  cpuMs: number;
  /** The main thread's CPU alone (Linux; 10 ms resolution): process CPU also counts V8's garbage-collector helper threads. */
  mainCpuMs?: number | undefined;
}

/** CPU ms of the main thread so far, from /proc (undefined where there is none). */
function mainThreadCpuMs(): number | undefined {
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th, in clock ticks (100 per second on Linux).
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function timed<T>(work: () => T): [T, Phase] {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const main = mainThreadCpuMs();
  const value = work();
  const used = process.cpuUsage(cpu);
  const mainAfter = mainThreadCpuMs();
  return [value, { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000, mainCpuMs: main === undefined || mainAfter === undefined ? undefined : mainAfter - main }];
}

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

function main(): void {
  const flag = process.argv.indexOf('--accounts');
  const accounts = flag >= 0 ? Number(process.argv[flag + 1]) : 1000;
  const started = performance.now();
  const rules = loadRuleSet().rules;
  const text = JSON.stringify(syntheticInventory(accounts));

  const [inventory, load] = timed(() => parseInventory(text, 'synthetic-inventory.json'));
  const [views, build] = timed(() => buildViews(inventory));
  const [document, evaluation] = timed(() => evaluate({ views, rules, scanTime: new Date('2026-01-01T00:00:00Z'), run: { runId: 'bench', tool: { name: 'trailguard', version: 'bench' } } }));
  const wallMs = performance.now() - started;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const evaluations = document.results.length;
  const perSecond = evaluations / (evaluation.wallMs / 1000);
  const perCpuSecond = evaluations / (evaluation.cpuMs / 1000);
  const phase = (p: Phase) => `${p.wallMs.toFixed(0)} ms (CPU ${p.cpuMs.toFixed(0)} ms${p.mainCpuMs === undefined ? '' : `, main thread ${p.mainCpuMs} ms`})`;
  const rows: Array<[string, string, string?]> = [
    ['accounts', String(accounts)],
    ['inventory size', `${(text.length / 1e6).toFixed(1)} MB`],
    ['views', String(views.length)],
    ['rules', String(rules.length)],
    ['evaluations (rule × view)', thousands(evaluations)],
    ['inventory load (parse + schema)', phase(load)],
    ['view build', phase(build)],
    ['evaluation', phase(evaluation)],
    ['wall time (rules to results)', `${wallMs.toFixed(0)} ms`],
    ['evaluations/s', thousands(perSecond), `limit ≥ ${thousands(LIMITS.evaluationsPerSecond)}: ${verdict(perSecond >= LIMITS.evaluationsPerSecond)}`],
    ['evaluations/CPU s', thousands(perCpuSecond), `limit ≥ ${thousands(LIMITS.evaluationsPerSecond)}: ${verdict(perCpuSecond >= LIMITS.evaluationsPerSecond)}`],
    ['peak RSS', `${peakRssMb.toFixed(0)} MB`, `limit ≤ ${LIMITS.peakRssMb} MB: ${verdict(peakRssMb <= LIMITS.peakRssMb)}`],
    [
      'statuses',
      Object.entries(document.summary.byStatus)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${s} ${n}`)
        .join(', '),
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const valueWidth = Math.max(...rows.filter((r) => r[2]).map(([, v]) => v.length));
  const line = ([k, v, limit]: [string, string, string?]) => `${k.padEnd(width)}  ${limit ? `${v.padEnd(valueWidth)}  ${limit}` : v}`;
  process.stdout.write(rows.map(line).join('\n') + '\n');
}

// Run when executed, not when imported (the generator is reusable).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
