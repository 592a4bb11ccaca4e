import { describe, expect, it } from 'vitest';
import { rendered } from './rendered.js';
import { CSV_COLUMNS, renderCsv } from '../../src/report/csv.js';
import { orgScan } from './fixture.js';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; anything else throws. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return rows;
}

describe('csv report', () => {
  it('parses back to a header and one row per result, with the same values', () => {
    const doc = orgScan();
    const [header, ...rows] = parseCsv(rendered(renderCsv(doc)));
    expect(header).toEqual(CSV_COLUMNS);
    expect(rows).toHaveLength(doc.results.length);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    const col = (name: string) => CSV_COLUMNS.indexOf(name);
    const bucket = rows.find((r) => r[col('resource_arn')] === 'arn:aws:s3:::legacy-trail-logs');
    expect(bucket?.[col('status')]).toBe('fail');
    expect(bucket?.[col('severity')]).toBe('critical');
    expect(bucket?.[col('account_id')]).toBe('777788889999');
    expect(bucket?.[col('frameworks')]).toBe('cis-aws-foundations@5.0.0 3.3');
    expect(bucket?.[col('expected')]).toBe('true | []');
    expect(bucket?.[col('message')]).toBe('Bucket legacy-trail-logs is public: its policy allows s3:GetObject to "*" and Block Public Access is off.');
    const waived = rows.find((r) => r[col('status')] === 'waived');
    expect(waived?.[col('waiver_id')]).toBe('W-2026-001');
    expect(waived?.[col('waiver_expires')]).toBe('2026-12-31');
    const error = rows.find((r) => r[col('rule_id')] === 'kms-trail-key-rotation');
    expect(error?.[col('error_operation')]).toBe('kms:GetKeyRotationStatus');
    expect(error?.[col('error_name')]).toBe('AccessDeniedException');
  });

  it('round-trips commas and quotes, shows line breaks read from AWS as escapes, and defuses spreadsheet formulas', () => {
    const doc = orgScan();
    const r = doc.results[0];
    if (!r) throw new Error('fixture has results');
    r.message = 'line one, with "quotes"\r\nline two';
    r.resourceName = '=HYPERLINK("http://evil.example","click")';
    r.region = 'us-east-1\r\u001b[2Jforged';
    const rows = parseCsv(rendered(renderCsv(doc)));
    const row = rows.find((x) => x[CSV_COLUMNS.indexOf('result_id')] === r.id);
    expect(row?.[CSV_COLUMNS.indexOf('message')]).toBe('line one, with "quotes"\\x0d\\x0aline two');
    expect(row?.[CSV_COLUMNS.indexOf('resource_name')]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    // Control characters from outside show as escapes, never move a terminal's cursor.
    expect(row?.[CSV_COLUMNS.indexOf('region')]).toBe('us-east-1\\x0d\\x1b[2Jforged');
  });

  it('sorts rows by rule, account, region and resource, so two runs diff', () => {
    const doc = orgScan();
    const rows = parseCsv(rendered(renderCsv({ ...doc, results: [...doc.results].reverse() }))).slice(1);
    const keys = rows.map((r) => ['rule_id', 'account_id', 'region', 'resource_arn'].map((c) => r[CSV_COLUMNS.indexOf(c)]).join(' '));
    expect(keys).toEqual([...keys].sort());
    expect(rendered(renderCsv({ ...doc, results: [...doc.results].reverse() }))).toBe(rendered(renderCsv(doc)));
  });
});
