import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rendered } from './rendered.js';
import { renderHtml } from '../../src/report/html.js';
import { orgScan } from './fixture.js';

describe('html report (as text)', () => {
  const doc = orgScan();
  const html = rendered(renderHtml(doc));

  it('is one self-contained file: no external script, style, font, image or frame', () => {
    expect(html).not.toMatch(/<(link|iframe|img|object|embed)\b/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('admits exactly its own inline style and script through the Content-Security-Policy', () => {
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '').replaceAll('&#39;', "'");
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(html).not.toMatch(/\sstyle=/i); // inline style attributes would be blocked by that policy
  });

  it('escapes every string from the results and keeps only http(s) reference links', () => {
    const hostile = orgScan();
    const r = hostile.results[0];
    const rule = hostile.rules[0];
    if (!r || !rule) throw new Error('fixture has results and rules');
    r.resourceArn = 'arn:aws:s3:::<script>alert(1)</script>';
    r.message = '"><img src=x onerror=alert(2)>';
    rule.references = ['javascript:alert(3)', 'https://example.com/?a=1&b="2"'];
    const out = rendered(renderHtml(hostile));
    expect(out).not.toContain('<script>alert(1)');
    expect(out).toContain('arn:aws:s3:::&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(out).not.toContain('href="javascript:');
    expect(out).toContain('href="https://example.com/?a=1&amp;b=&quot;2&quot;"');
  });

  it('has charts by severity, account, region and framework, with their numbers in text', () => {
    for (const id of ['chart-severity', 'chart-account', 'chart-region', 'chart-framework']) expect(html).toContain(`id="${id}-desc"`);
    expect(html).toContain('777788889999: 4 fail · 1 error · 1 waived · 6 total');
    expect(html).toContain('cis-aws-foundations@5.0.0: 4 fail · 2 error · 1 waived · 14 total');
  });

  it('is deterministic', () => {
    expect(rendered(renderHtml({ ...doc, results: [...doc.results].reverse() }))).toBe(html);
  });
});
