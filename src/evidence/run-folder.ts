/**
 * The run folder (reports/<run-id>/) a scan leaves behind, and reading it back so that
 * `trailguard evidence export --run DIR` builds the same bundle `scan --evidence` would have.
 *
 *   run.json        RunRecord (buildRunRecord), command line already redacted
 *   inventory.json  Inventory
 *   results.json    ResultsDocument
 *   raw.jsonl       optional: one RawRecord per line, any order
 *   rules/<pack>/<path>    the rule files as evaluated
 *   config/<name>, waivers/<name>   optional, one file each
 *   verify-logs/<file>.json         optional, named as run.json's verifyLogs says (which also
 *                                   records trails not verified, and why)
 *   <any other top-level file>      a rendered report (results.sarif, report.html, ...)
 */
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { stableStringify } from '../util/stable-json.js';
import {
  CONFIG_DIR,
  checkRelativePath,
  comparePaths,
  INVENTORY_FILE,
  namedPath,
  RESULTS_FILE,
  rulePath,
  RULES_DIR,
  RUN_FILE,
  verifyLogsPath,
  VERIFY_LOGS_DIR,
  WAIVERS_DIR,
} from './bundle-layout.js';
import type { VerifyLogsReport } from '../verify-logs/report.js';
import { buildRunRecord } from './run-record.js';
import type { EvidenceInput, NamedFile, RawRecord, RunRecord } from './types.js';

export const RAW_LOG_FILE = 'raw.jsonl';

const KNOWN_TOP_LEVEL = new Set([RUN_FILE, INVENTORY_FILE, RESULTS_FILE, RAW_LOG_FILE]);

/** Writes every part of `input`, run.json last; reports, if given, become top-level files (scan writes its own there). */
export async function saveRunFolder(dir: string, input: EvidenceInput): Promise<void> {
  await saveRunParts(dir, input);
  await saveRunRecord(dir, input);
}

/**
 * Everything but run.json. A run.json left from an earlier run in the same folder goes
 * first, so that an interruption from here on leaves a folder every command refuses.
 */
export async function saveRunParts(dir: string, input: EvidenceInput): Promise<void> {
  await rm(join(dir, RUN_FILE), { force: true });
  const put = (path: string, content: string | Uint8Array) => writeFileAtomic(join(dir, path), content);
  const json = (value: unknown) => `${stableStringify(value)}\n`;
  await put(INVENTORY_FILE, json(input.inventory));
  await put(RESULTS_FILE, json(input.results));
  for (const rule of input.rules) await put(rulePath(rule.pack, rule.relativePath), rule.content);
  if (input.config) await put(namedPath(CONFIG_DIR, input.config.name), input.config.content);
  if (input.waivers) await put(namedPath(WAIVERS_DIR, input.waivers.name), input.waivers.content);
  for (const v of input.verifyLogs ?? []) if ('report' in v) await put(verifyLogsPath(v.trailArn), json(v.report));
  for (const report of input.reports ?? []) {
    const name = checkRelativePath(report.name, 'report');
    if (KNOWN_TOP_LEVEL.has(name) || name.includes('/'))
      throw new InputError(`report ${JSON.stringify(name)}: a run folder keeps reports as top-level files other than ${[...KNOWN_TOP_LEVEL].join(', ')}`);
    await put(name, report.content);
  }
  if (input.raw) await writeFileAtomic(join(dir, RAW_LOG_FILE), rawLines(input.raw));
}

async function* rawLines(raw: NonNullable<EvidenceInput['raw']>): AsyncGenerator<string> {
  for await (const record of raw) yield `${JSON.stringify(record)}\n`;
}

/** run.json with the completion marker: written when the run's every other file is complete. */
export async function saveRunRecord(dir: string, input: EvidenceInput): Promise<void> {
  await writeFileAtomic(join(dir, RUN_FILE), `${stableStringify({ ...buildRunRecord(input), complete: true })}\n`);
}

/** Whether `dir` is (or was meant to be) a run folder: it holds run.json or inventory.json. */
export function isRunFolder(dir: string): boolean {
  return existsSync(join(dir, RUN_FILE)) || existsSync(join(dir, INVENTORY_FILE));
}

/** Refuses a folder whose run did not finish writing (no run.json, or one without the completion marker). */
export async function requireCompleteRun(dir: string): Promise<RunRecord> {
  const text = await readFile(join(dir, RUN_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new InputError([
      {
        file: join(dir, RUN_FILE),
        message: `is missing: ${dir} is not a complete run folder (trailguard writes run.json last, so the run was interrupted or this is not a run folder); run the scan again`,
      },
    ]);
  }
  const record = parseJson<RunRecord>(join(dir, RUN_FILE), text);
  if (record.complete !== true) {
    throw new InputError([
      { file: join(dir, RUN_FILE), message: 'has no completion marker ("complete": true): the run was interrupted before all its files were written; run the scan again' },
    ]);
  }
  return record;
}

export async function loadRunFolder(dir: string): Promise<EvidenceInput> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
    throw new InputError([{ file: dir, message: 'is not a readable run folder (reports/<run-id>/ as written by trailguard scan)' }]);
  });
  const record = await requireCompleteRun(dir);
  const names = new Set(entries.map((e) => e.name));
  const trailByFile = new Map((record.verifyLogs ?? []).filter((v) => v.file !== undefined).map((v) => [v.file, v.trailArn]));
  const rules = (await listFiles(join(dir, RULES_DIR))).map((path) => {
    const [pack, ...rest] = path.split('/');
    return { pack: pack!, relativePath: rest.join('/'), path };
  });
  const reports: NamedFile[] = [];
  for (const e of entries) {
    // Bundles written into the run folder are not reports.
    if (e.isFile() && !KNOWN_TOP_LEVEL.has(e.name) && !e.name.endsWith('.tar.gz')) reports.push({ name: e.name, content: await readFile(join(dir, e.name)) });
  }
  return {
    run: {
      argv: record.commandLine,
      startedAt: record.startedAt,
      endedAt: record.endedAt,
      ...(record.exitCode !== undefined ? { exitCode: record.exitCode } : {}),
      ...(record.shard ? { shard: record.shard } : {}),
    },
    inventory: await readJson(join(dir, INVENTORY_FILE)),
    results: await readJson(join(dir, RESULTS_FILE)),
    rules: await Promise.all(rules.map(async (r) => ({ pack: r.pack, relativePath: r.relativePath, content: await readFile(join(dir, RULES_DIR, r.path)) }))),
    ...((await singleFile(dir, CONFIG_DIR)) ?? {}),
    ...((await singleFile(dir, WAIVERS_DIR)) ?? {}),
    reports: reports.sort((a, b) => comparePaths(a.name, b.name)),
    verifyLogs: [
      ...(await Promise.all(
        (await listFiles(join(dir, VERIFY_LOGS_DIR))).map(async (name) => {
          const file = `${VERIFY_LOGS_DIR}/${name}`;
          const trailArn = trailByFile.get(file);
          if (!trailArn) throw new InputError([{ file: join(dir, file), message: `is not listed in ${RUN_FILE}'s verifyLogs` }]);
          return { trailArn, report: await readJson<VerifyLogsReport>(join(dir, file)) };
        }),
      )),
      ...(record.verifyLogs ?? []).filter((v) => v.file === undefined).map((v) => ({ trailArn: v.trailArn, notVerified: v.reason })),
    ],
    ...(names.has(RAW_LOG_FILE) ? { raw: readRawLog(join(dir, RAW_LOG_FILE)) } : {}),
  };
}

/** Streams raw.jsonl one record at a time. */
export async function* readRawLog(path: string): AsyncGenerator<RawRecord> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield JSON.parse(text) as RawRecord;
    } catch (error) {
      throw new InputError([{ file: path, line, message: `not a JSON raw response record: ${(error as Error).message}` }]);
    }
  }
}

async function readJson<T>(path: string): Promise<T> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new InputError([{ file: path, message: 'missing from the run folder' }]);
  });
  return parseJson<T>(path, text);
}

function parseJson<T>(path: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new InputError([{ file: path, message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

/** Files under `root` as sorted POSIX relative paths; none when the folder is absent. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(root.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort(comparePaths);
}

async function singleFile(dir: string, folder: typeof CONFIG_DIR | typeof WAIVERS_DIR): Promise<Partial<EvidenceInput> | undefined> {
  const files = await listFiles(join(dir, folder));
  if (files.length === 0) return undefined;
  if (files.length > 1) throw new InputError([{ file: join(dir, folder), message: `holds ${files.length} files; a run has at most one` }]);
  const file: NamedFile = { name: files[0]!, content: await readFile(join(dir, folder, files[0]!)) };
  return folder === CONFIG_DIR ? { config: file } : { waivers: file };
}
