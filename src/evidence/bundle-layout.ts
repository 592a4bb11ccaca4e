/**
 * Where each part of an evidence bundle lives, and the path rules every bundle file obeys.
 * Paths are POSIX, relative to the bundle root, and limited to characters that `sha256sum`
 * prints without escaping, so SHA256SUMS stays checkable by hand.
 */
import { InputError } from '../errors.js';

export const RUN_FILE = 'run.json';
export const INVENTORY_FILE = 'inventory.json';
export const RESULTS_FILE = 'results.json';
export const INDEX_FILE = 'index.html';
export const README_FILE = 'README.txt';
export const MANIFEST_FILE = 'manifest.json';
export const SUMS_FILE = 'SHA256SUMS';
export const SIGNATURE_FILE = 'manifest.sig';
export const PUBLIC_KEY_FILE = 'signing-public-key.pem';

export const RAW_DIR = 'raw';
export const RULES_DIR = 'rules';
export const CONFIG_DIR = 'config';
export const WAIVERS_DIR = 'waivers';
export const REPORTS_DIR = 'reports';
export const VERIFY_LOGS_DIR = 'verify-logs';

/**
 * Files the manifest cannot list: itself, and the two files made from it. SHA256SUMS covers
 * manifest.json; the signature covers manifest.json's bytes.
 */
export const UNLISTED_FILES: readonly string[] = [MANIFEST_FILE, SUMS_FILE, SIGNATURE_FILE];

/** Bytewise path order (not locale order), the same on every machine. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True for a POSIX path that stays inside the bundle and that sha256sum prints as is. */
export function isPlainRelativePath(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !/[\\\n\r\0]/.test(path) && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** Turns an identifier (account id, region, service, operation, trail name) into one safe path segment. */
export function safeSegment(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._@+=,-]/g, '_');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? `_${cleaned}` : cleaned;
}

/**
 * Checks a relative path the caller supplied (a rule file, a report name): no absolute paths,
 * no `..`, nothing `sha256sum` would escape. `what` names the input in the error.
 */
export function checkRelativePath(path: string, what: string): string {
  const normalised = path.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!isPlainRelativePath(normalised)) throw new InputError(`${what}: ${JSON.stringify(path)} is not a plain relative path inside the bundle`);
  return normalised;
}

/** verify-logs/<account>-<region>-<trail name>.json: unique, since a trail name is unique per account and region. */
export function verifyLogsPath(trailArn: string): string {
  const match = /^arn:[^:]+:cloudtrail:([^:]*):([^:]*):trail\/(.+)$/.exec(trailArn);
  const name = match ? `${match[2]}-${match[1]}-${match[3]}` : trailArn;
  return `${VERIFY_LOGS_DIR}/${safeSegment(name)}.json`;
}

/** config/<name>, waivers/<name>, reports/<name>: a caller-named file in one of the bundle's folders. */
export function namedPath(folder: typeof CONFIG_DIR | typeof WAIVERS_DIR | typeof REPORTS_DIR, name: string): string {
  return `${folder}/${checkRelativePath(name, folder)}`;
}

export function rulePath(pack: string, relativePath: string): string {
  return `${RULES_DIR}/${safeSegment(pack)}/${checkRelativePath(relativePath, `rule pack ${pack}`)}`;
}
