/**
 * The HTML report in a real browser (Debian's Chromium through playwright-core): it loads
 * with no console error and no request but itself, data cannot inject markup, the findings
 * filter, sort and page from the keyboard, a finding opens to a sentence, its evidence and
 * its filled remediation, it is usable at 800 px and printable, and 100,000 results load.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Result } from '../../src/evaluate/types.js';
import { renderHtml } from '../../src/report/html.js';
import { writeReports } from '../../src/report/write.js';
import { bigResults } from '../helpers/big-results.js';
import { CHROMIUM_ARGS, describeInBrowser } from '../helpers/browser.js';
import { orgScan, TEST_OUTPUT } from './fixture.js';
import { rendered } from './rendered.js';

const doc = orgScan();
// Hostile data: if any of it were not escaped, the script would run or the image would be fetched.
const hostile: Result = {
  ...(doc.results.find((r) => r.status === 'fail') as Result),
  id: 'hostile',
  resourceArn: 'arn:aws:s3:::</script><script>window.__pwned=1</script>',
  resourceName: '<b>bold</b>',
  message: 'Bucket "<img src=x onerror=window.__pwned=2>" is public',
};
doc.results.push(hostile);

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];
const file = join(TEST_OUTPUT, 'report.html');

/** WCAG 2 contrast ratio of two computed "rgb(r, g, b)" colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const rows = () => page.locator('#findings > tbody > tr.finding');
const columnTexts = async (cls: string) => page.locator(`#findings > tbody > tr.finding > td.${cls}`).allInnerTexts();
/** A string, because this test is compiled without the DOM library. */
const evaluate = <T>(script: string) => page.evaluate<T>(script);

describeInBrowser('html report in Chromium', (executablePath) => {
  beforeAll(async () => {
    mkdirSync(TEST_OUTPUT, { recursive: true });
    writeFileSync(file, rendered(renderHtml(doc)));
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console error, no request but the file, and no injected markup', async () => {
    expect(await rows().count()).toBe(doc.results.length);
    expect(await evaluate<number | undefined>('window.__pwned')).toBeUndefined();
    await expect(page.locator('#findings .arn', { hasText: '</script><script>window.__pwned=1</script>' }).count()).resolves.toBe(1);
    expect(await page.locator('#findings b').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
  });

  it('filters by text, status, severity, account, rule, framework and control, and says how many rows show', async () => {
    await page.locator('#f-text').pressSequentially('legacy');
    // The search reads the resource, the message, the rule and the account's name.
    const legacy = doc.results.filter((r) => [r.resourceArn, r.message, r.resourceName, r.ruleId, doc.run.accountNames?.[r.accountId]].join(' ').toLowerCase().includes('legacy'));
    expect(await rows().count()).toBe(legacy.length);
    await page.locator('#f-status').selectOption('fail');
    expect(await rows().count()).toBe(legacy.filter((r) => r.status === 'fail').length);
    await page.locator('#f-severity').selectOption('critical');
    expect(await page.locator('#findings > tbody .arn').allInnerTexts()).toEqual(['arn:aws:s3:::legacy-trail-logs']);
    await expect(page.locator('#f-count').innerText()).resolves.toBe(`Showing 1–1 of 1 matching results (${doc.results.length} in all)`);
    await page.locator('#f-clear').click();
    expect(await rows().count()).toBe(doc.results.length);

    // The account filter lists the names Organizations gives the accounts.
    await page.locator('#f-account').selectOption({ label: 'legacy-workloads (777788889999)' });
    expect(await rows().count()).toBe(doc.results.filter((r) => r.accountId === '777788889999').length);
    await page.locator('#f-clear').click();
    await page.locator('#f-rule').selectOption('kms-trail-key-rotation');
    expect(await rows().count()).toBe(doc.results.filter((r) => r.ruleId === 'kms-trail-key-rotation').length);
    await page.locator('#f-clear').click();
    const mapped = (framework: string, control?: string) =>
      doc.results.filter((r) => {
        const controls = doc.rules.find((x) => x.id === r.ruleId)?.frameworks[framework];
        return controls !== undefined && (control === undefined || controls.includes(control));
      }).length;
    await page.locator('#f-framework').selectOption('nist-800-53@rev5');
    expect(await rows().count()).toBe(mapped('nist-800-53@rev5'));
    await page.locator('#f-clear').click();
    // A control in the summary's control tree shows its findings.
    await page.locator('summary', { hasText: 'cis-aws-foundations@5.0.0:' }).click();
    await page.locator('button.filter-link[data-control="cis-aws-foundations@5.0.0 3.2"]').click();
    await expect(page.locator('#f-control').inputValue()).resolves.toBe('cis-aws-foundations@5.0.0 3.2');
    expect(await rows().count()).toBe(mapped('cis-aws-foundations@5.0.0', '3.2'));
    await page.locator('#f-clear').click();
  });

  it('sorts a column from the keyboard and reports the order with aria-sort', async () => {
    const account = page.locator('#findings thead th', { hasText: 'Account' });
    await account.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect(account.getAttribute('aria-sort')).resolves.toBe('ascending');
    const ascending = await columnTexts('account');
    expect(ascending).toEqual([...ascending].sort());
    await page.keyboard.press('Enter');
    await expect(account.getAttribute('aria-sort')).resolves.toBe('descending');
    expect(await columnTexts('account')).toEqual([...ascending].sort().reverse());

    await page.locator('#findings thead th', { hasText: 'Severity' }).locator('button').click();
    await expect(account.getAttribute('aria-sort')).resolves.toBeNull();
    const severities = await columnTexts('sev');
    expect(severities[0]?.toLowerCase()).toBe('critical');
    expect(severities.at(-1)?.toLowerCase()).toBe('informational');
  });

  it('opens a finding: a plain sentence first, then its evidence and the remediation filled for this resource', async () => {
    const row = page.locator('#findings > tbody > tr.finding', { hasText: 'arn:aws:s3:::legacy-trail-logs' });
    const toggle = row.locator('button.toggle');
    await expect(toggle.innerText()).resolves.toBe(
      'Bucket legacy-trail-logs in account legacy-workloads (777788889999), us-east-1 does not meet “CloudTrail S3 buckets are not publicly accessible”.'
        .replace('us-east-1', doc.results.find((r) => r.resourceArn === 'arn:aws:s3:::legacy-trail-logs')?.region ?? '')
        .replace('CloudTrail S3 buckets are not publicly accessible', doc.rules.find((r) => r.id === 's3-trail-bucket-not-public')?.title ?? ''),
    );
    const evidence = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    await expect(evidence.isVisible()).resolves.toBe(false);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(evidence.isVisible()).resolves.toBe(true);
    const text = await evidence.innerText();
    expect(text).toContain('PublicAccessBlock.BlockPublicPolicy is_true');
    expect(text).toContain('Enable all four S3 Block Public Access settings on the bucket.');
    expect(text).toContain('aws s3api put-public-access-block --bucket legacy-trail-logs ');
    expect(text).not.toContain('{{');
    await page.screenshot({ path: join(TEST_OUTPUT, 'html.png'), fullPage: true });
    // The rule link opens the rule's full description.
    await evidence.getByRole('link').click();
    await expect(page.locator('#rule-s3-trail-bucket-not-public').getAttribute('open')).resolves.toBe('');
  });

  it('labels every control, shows status in words with AA contrast, and prints the summary and the page of findings with their evidence', async () => {
    for (const id of ['f-text', 'f-status', 'f-severity', 'f-account', 'f-region', 'f-rule', 'f-framework', 'f-control']) expect(await page.locator(`label[for="${id}"]`).count()).toBe(1);
    for (const status of ['fail', 'error', 'waived', 'pass', 'skip']) {
      const badge = page.locator(`.totals .badge.st-${status}`);
      expect((await badge.innerText()).toLowerCase()).toContain(status);
      const [fg, bg] = await evaluate<[string, string]>(
        `(() => { const s = getComputedStyle(document.querySelector('.totals .badge.st-${status}')); return [s.color, s.backgroundColor]; })()`,
      );
      expect(contrast(fg, bg), status).toBeGreaterThanOrEqual(4.5);
    }
    await page.locator('#f-status').selectOption('error');
    await page.emulateMedia({ media: 'print' });
    await evaluate('window.dispatchEvent(new Event("beforeprint"))');
    await expect(page.locator('.filters').isVisible()).resolves.toBe(false);
    const errors = doc.results.filter((r) => r.status === 'error').length;
    expect(await page.locator('#findings > tbody > tr.detail:visible').count()).toBe(errors);
    await evaluate('window.dispatchEvent(new Event("afterprint"))');
    await page.emulateMedia({ media: 'screen' });
    await page.locator('#f-clear').click();
    expect(consoleErrors).toEqual([]);
  });

  it('is usable at 800 px: nothing wider than the window, the finding sentence readable, chart labels at least 12 px', async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    expect(await evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(800);
    const finding = await evaluate<number>(`document.querySelector('#findings td.finding').getBoundingClientRect().width`);
    expect(finding).toBeGreaterThanOrEqual(300);
    const smallest = await evaluate<number>(
      `Math.min(...[...document.querySelectorAll('main th, main td, main summary, main p')].filter((e) => e.offsetParent).map((e) => parseFloat(getComputedStyle(e).fontSize)))`,
    );
    expect(smallest).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: join(TEST_OUTPUT, 'html-800.png'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('loads 100,000 results and pages through them', async () => {
    const big = join(TEST_OUTPUT, 'report-100k.html');
    await writeReports(bigResults(100_000), [{ format: 'html', path: big }], () => undefined);
    const bigPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    bigPage.on('pageerror', (e) => errors.push(e.message));
    const start = performance.now();
    await bigPage.goto(pathToFileURL(big).href);
    await expect(bigPage.locator('#f-count').innerText()).resolves.toContain('of 100000 matching results');
    const loaded = performance.now() - start;
    console.log(`html report, 100,000 results: ${(statSync(big).size / 1024 / 1024).toFixed(1)} MB, loaded in ${(loaded / 1000).toFixed(2)} s`);
    expect(await bigPage.locator('#findings > tbody > tr.finding').count()).toBe(50);
    const filterStart = performance.now();
    await bigPage.locator('#f-status').selectOption('error');
    await expect(bigPage.locator('#f-count').innerText()).resolves.toMatch(/of \d+ matching results/);
    console.log(`html report, 100,000 results: status filter applied in ${((performance.now() - filterStart) / 1000).toFixed(2)} s`);
    await bigPage.locator('#p-next').click();
    await expect(bigPage.locator('#p-info').innerText()).resolves.toMatch(/^Page 2 of \d+$/);
    expect(errors).toEqual([]);
    await bigPage.close();
  }, 120_000);
});
