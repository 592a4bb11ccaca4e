/**
 * raw/<account>/<region>/<service>/<NNNN>-<Operation>.json: one file per API response.
 * Records arrive in whatever order a concurrent sweep produced them, so each is written to a
 * pending name at once (memory stays flat) and numbered at the end in an order that depends
 * only on the records: operation, request parameters, request id, then content.
 */
import { stableStringify } from '../util/stable-json.js';
import { RAW_DIR, comparePaths, safeSegment } from './bundle-layout.js';
import type { BundleWriter } from './bundle-writer.js';
import { sha256Hex } from './manifest.js';
import { redactSecretFields } from './redact.js';
import type { RawRecord } from './types.js';

interface Pending {
  sortKey: string;
  pendingPath: string;
  operation: string;
}

/** One raw/ folder and how many responses it holds (for index.html). */
export interface RawFolder {
  path: string;
  count: number;
}

function renderRawRecord(record: RawRecord): string {
  return `${stableStringify({
    ...record,
    params: redactSecretFields(record.params),
    response: redactSecretFields(record.response),
  })}\n`;
}

export async function writeRawRecords(records: Iterable<RawRecord> | AsyncIterable<RawRecord>, writer: BundleWriter): Promise<RawFolder[]> {
  const folders = new Map<string, Pending[]>();
  let n = 0;
  for await (const record of records) {
    const folder = [RAW_DIR, record.accountId, record.region, record.service].map(safeSegment).join('/');
    const content = renderRawRecord(record);
    const pendingPath = `${folder}/.pending-${n++}`;
    await writer.write(pendingPath, content);
    const sortKey = [record.operation, stableStringify(record.params ?? null, 0), record.requestId ?? '', sha256Hex(content)].join('\0');
    const list = folders.get(folder) ?? [];
    list.push({ sortKey, pendingPath, operation: record.operation });
    folders.set(folder, list);
  }
  const result: RawFolder[] = [];
  for (const [folder, pending] of folders) {
    pending.sort((a, b) => comparePaths(a.sortKey, b.sortKey));
    const width = Math.max(4, String(pending.length).length);
    for (const [i, p] of pending.entries()) {
      await writer.rename(p.pendingPath, `${folder}/${String(i + 1).padStart(width, '0')}-${safeSegment(p.operation)}.json`);
    }
    result.push({ path: folder, count: pending.length });
  }
  return result.sort((a, b) => comparePaths(a.path, b.path));
}
