import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { bigResults } from '../helpers/big-results.js';
import { orgScan } from './fixture.js';
import { rendered } from './rendered.js';

describe('html report (as text)', () => {
  const doc = orgScan();
  const html = rendered(renderHtml(doc));
  const data = () => JSON.parse(/<script type="application\/json" id="tg-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '') as { strings: string[]; rows: number[][] };

  it('is one self-contained file: no external script, style, font, image or frame', () => {
    expect(html).not.toMatch(/<(link|iframe|img|object|embed)\b/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(data().rows).toHaveLength(doc.results.length);
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
    r.resourceArn = 'arn:aws:s3:::</script><script>alert(1)</script>';
    r.message = '"><img src=x onerror=alert(2)>\u001b[31m';
    rule.title = '<b>title</b>';
    rule.references = ['javascript:alert(3)', 'https://example.com/?a=1&b="2"'];
    const out = rendered(renderHtml(hostile));
    // The data block cannot be closed from inside: every "<" in it is \u003c.
    expect(out.match(/<\/script>/g)).toHaveLength(2);
    expect(out).not.toContain('<script>alert(1)');
    expect(out).not.toContain('<img src=x');
    expect(out).not.toContain('<b>title');
    expect(out).toContain('&lt;b&gt;title&lt;/b&gt;');
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('href="javascript:');
    expect(out).toContain('href="https://example.com/?a=1&amp;b=&quot;2&quot;"');
  });

  it('summarises compliance per framework, the worst accounts with their names, and the most failed rules', () => {
    expect(html).toMatch(/Compliance <strong class="big">\d+%<\/strong>/);
    expect(html).toContain('Compliance by framework');
    expect(html).toMatch(/<th scope="row">cis-aws-foundations@5\.0\.0<\/th><td class="num pct">\d+%<\/td>/);
    expect(html).toContain('data-control="cis-aws-foundations@5.0.0 3.2"');
    expect(html).toContain('legacy-workloads (777788889999)');
    expect(html).toContain('data-rule="s3-trail-bucket-not-public"');
  });

  it('leaves no {{placeholder}} unfilled: rule texts show blanks such as <Bucket.Name>', () => {
    expect(html).not.toMatch(/\{\{(?!\s*[^}]+\}\})/); // no broken braces either
    const shown = html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
    expect(shown).not.toContain('{{');
    expect(shown).toContain('--bucket &lt;Bucket.Name&gt;');
  });

  it('stays under 250 bytes a result at organization scale', () => {
    const big = bigResults(5_000);
    const size = Buffer.byteLength(rendered(renderHtml(big)));
    expect(size / big.results.length).toBeLessThan(250);
  });

  it('is deterministic', () => {
    expect(rendered(renderHtml({ ...doc, results: [...doc.results].reverse() }))).toBe(html);
  });
});
