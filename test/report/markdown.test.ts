import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/evaluate/types.js';
import { code, MARKDOWN_LIMIT, renderMarkdown } from '../../src/report/markdown.js';
import { orgScan } from './fixture.js';

describe('markdown report', () => {
  const doc = orgScan();
  const md = renderMarkdown(doc);

  it('leads with the totals, then failures most severe first with their remediation, then errors, waivers and collapsed passes', () => {
    expect(md.split('\n')[0]).toBe('## trailguard: ❌ 5 failures (1 critical, 1 high, 1 medium, 1 low, 1 informational) · ⚠️ 2 errors · 1 waived · 7 passed');
    expect(md).toContain('| **all** | **5** | **2** | **1** | **7** | **1** | **16** |');
    const order = [
      '### Failures',
      'CRITICAL · `s3-trail-bucket-not-public`',
      'HIGH · `cloudtrail-multi-region-trail`',
      'INFORMATIONAL',
      '### Errors (2)',
      '### Waived (1)',
      '<details><summary>Passed: 7 results of 6 rules</summary>',
    ];
    const positions = order.map((s) => md.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(md).toContain('**Remediation:** Enable all four S3 Block Public Access settings on the bucket.');
    expect(md).toContain('kms:GetKeyRotationStatus AccessDeniedException');
    expect(md).toContain('W-2026-001 (owner platform-security@example.com, ticket SEC-1234, expires 2026-12-31)');
  });

  it('keeps table rows intact when data holds pipes, newlines, backticks or HTML', () => {
    const hostile = orgScan();
    const r = hostile.results.find((x) => x.status === 'fail') as Result;
    r.message = 'a | b\nc <script>x</script> `d`';
    r.resourceArn = 'arn:aws:s3:::weird|`name`';
    const row =
      renderMarkdown(hostile)
        .split('\n')
        .find((l) => l.includes('weird')) ?? '';
    // Unescaped pipes are what split a row into cells: 4 columns need exactly 5.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
    expect(row).not.toContain('<script>');
    expect(code('a`b')).toBe('``a`b``');
  });

  it('fits the size limit by leaving out whole entries and saying how many', () => {
    const big = orgScan();
    const template = big.results.find((x) => x.status === 'fail' && x.ruleId === 'cloudtrail-multi-region-trail') as Result;
    for (let i = 0; i < 3000; i++) big.results.push({ ...template, id: `big-${i}`, resourceArn: `arn:aws:s3:::bucket-${String(i).padStart(5, '0')}` });
    const out = renderMarkdown(big);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    const omitted = Number(/Truncated\*\* to fit GitHub's size limits: (\d+) failures/.exec(out)?.[1]);
    expect(omitted).toBeGreaterThan(0);
    // Every failure is either a table row or counted in the note.
    const failures = out.slice(out.indexOf('### Failures'), out.indexOf('> **Truncated**'));
    const shown = failures.split('\n').filter((l) => /^\| \d{12} \|/.test(l)).length;
    expect(shown).toBeGreaterThan(100);
    expect(shown + omitted).toBe(big.results.filter((x) => x.status === 'fail').length);
    // The rule whose rows were cut still shows its remediation.
    expect(failures).toContain('**Remediation:** Create a multi-region trail that logs all management events');
  });

  it('cuts a very long message in its row (the other reports keep it whole)', () => {
    const long = orgScan();
    const r = long.results.find((x) => x.status === 'fail') as Result;
    r.message = `start ${'x'.repeat(2000)} end`;
    const row =
      renderMarkdown(long)
        .split('\n')
        .find((l) => l.includes('start xxx')) ?? '';
    expect(row).toContain('x…');
    expect(row).not.toContain(' end');
    expect(row.length).toBeLessThan(500);
  });

  it('is deterministic', () => {
    expect(renderMarkdown({ ...doc, results: [...doc.results].reverse() })).toBe(md);
  });
});
