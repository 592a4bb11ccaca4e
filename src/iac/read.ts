/**
 * The files `trailguard iac` is given: Terraform plans in JSON (`terraform show -json`),
 * CloudFormation templates in YAML or JSON, and folders of them (CDK's cdk.out holds one
 * `*.template.json` per stack). Which is which is decided by content, not by name.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { Inventory } from '../inventory/types.js';
import { isCloudFormationTemplate, parseTemplateText, readTemplate } from './cloudformation/template.js';
import type { IacConfiguration, Target } from './resource.js';
import { isTerraformPlan, readTerraformPlan } from './terraform/plan.js';

/** Where the configuration deploys when nothing says: a placeholder account, AWS's first region. */
export const DEFAULT_TARGET = { accountId: '000000000000', region: 'us-east-1' };

export interface ReadOptions {
  cwd: string;
  /** The folder of the Terraform root module's .tf files (default: each plan's folder). */
  tfDir?: string;
  accountId?: string;
  region?: string;
  live?: Inventory;
}

export function readConfigurations(paths: string[], options: ReadOptions): { configurations: IacConfiguration[]; target: Target } {
  const files = paths.flatMap((p) => expand(p, options.cwd));
  const parsed = files.map((file) => parseFile(file, options.cwd));
  const plans = parsed.flatMap((p) => (p.kind === 'terraform' ? [readTerraformPlan(p.data, p.file, options.tfDir ?? dirname(resolve(options.cwd, p.file)), options.cwd)] : []));
  const target = resolveTarget([...plans, ...paths.flatMap((p) => cdkEnvironment(p, options.cwd))], options);
  const templates = parsed.flatMap((p) => (p.kind === 'cloudformation' ? [readTemplate(p.data, p.lines, p.file, shown(p.file, options.cwd), target)] : []));
  return { configurations: [...plans, ...templates], target };
}

/** The account and region a CDK app's stacks deploy to, from cdk.out/manifest.json (`aws://ACCOUNT/REGION`, when not environment-agnostic). */
function cdkEnvironment(path: string, cwd: string): Array<{ accountId?: string; region?: string }> {
  const manifest = tryJson(tryRead(join(resolve(cwd, path), 'manifest.json')) ?? '') as { artifacts?: Record<string, { type?: string; environment?: string }> } | undefined;
  return Object.values(manifest?.artifacts ?? {}).flatMap((a) => {
    const m = a.type === 'aws:cloudformation:stack' ? /^aws:\/\/(\d{12}|[^/]*)\/([a-z0-9-]+)$/.exec(a.environment ?? '') : null;
    if (!m) return [];
    return [{ ...(/^\d{12}$/.test(m[1]!) ? { accountId: m[1] } : {}), ...(m[2] !== 'unknown-region' ? { region: m[2] } : {}) }];
  });
}

function tryRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function resolveTarget(plans: Array<{ accountId?: string; region?: string }>, options: ReadOptions): Target {
  const liveAccounts = options.live?.accounts.map((a) => a.AccountId) ?? [];
  if (options.accountId !== undefined && !/^\d{12}$/.test(options.accountId)) throw new InputError(`--account-id "${options.accountId}" is not an AWS account id (12 digits)`);
  const accountId = options.accountId ?? plans.find((p) => p.accountId)?.accountId ?? (liveAccounts.length === 1 ? liveAccounts[0] : undefined);
  if (options.live && accountId === undefined) {
    throw new InputError(`the inventory holds ${liveAccounts.length} accounts (${liveAccounts.join(', ')}): give --account-id to say which one the configuration deploys to`);
  }
  const region = options.region ?? plans.find((p) => p.region)?.region ?? DEFAULT_TARGET.region;
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : (options.live?.partition ?? 'aws');
  return { accountId: accountId ?? DEFAULT_TARGET.accountId, region, partition };
}

type Parsed =
  | { kind: 'terraform'; file: string; data: Parameters<typeof readTerraformPlan>[0] }
  | { kind: 'cloudformation'; file: string; data: unknown; lines: Map<string, { line: number; column: number }> };

function parseFile(file: string, cwd: string): Parsed {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new InputError([{ file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }]);
  }
  // Plans can be large and need no positions: JSON.parse first; YAML (a superset of JSON) gives templates their positions.
  const json = /^\s*\{/.test(text) ? tryJson(text) : undefined;
  if (isTerraformPlan(json)) return { kind: 'terraform', file, data: json };
  const { data, lines } = parseTemplateText(text, file);
  if (isTerraformPlan(data)) return { kind: 'terraform', file, data };
  if (isCloudFormationTemplate(data)) return { kind: 'cloudformation', file, data, lines };
  if (data !== null && typeof data === 'object' && 'format_version' in data && 'values' in data) {
    throw new InputError([{ file, message: 'this is Terraform state, not a plan: run `terraform show -json PLANFILE` on a saved plan (terraform plan -out=PLANFILE)' }]);
  }
  throw new InputError([{ file, message: 'neither a Terraform plan in JSON (`terraform show -json PLANFILE`) nor a CloudFormation template (no `Resources`)' }]);
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A folder stands for the templates in it (cdk.out: `*.template.json`; otherwise *.json, *.yaml, *.yml, *.template). */
function expand(path: string, cwd: string): string[] {
  let stat;
  try {
    stat = statSync(resolve(cwd, path));
  } catch (error) {
    throw new InputError([{ file: path, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }]);
  }
  if (!stat.isDirectory()) return [path];
  const names = readdirSync(resolve(cwd, path)).sort();
  const cdk = names.filter((n) => n.endsWith('.template.json'));
  const picked = cdk.length > 0 ? cdk : names.filter((n) => /\.(json|ya?ml|template)$/.test(n));
  if (picked.length === 0) throw new InputError([{ file: path, message: 'no template or plan in this folder (*.template.json, *.json, *.yaml, *.yml)' }]);
  return picked.map((n) => join(path, n));
}

/** A path as results show it: relative to the working directory when inside it. */
function shown(file: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, file));
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(cwd, file)).split('\\').join('/');
}
