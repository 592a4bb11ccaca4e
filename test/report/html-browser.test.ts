/**
 * The HTML report in a real browser (Debian's Chromium through playwright-core): it loads
 * with no console error and no request but itself, data cannot inject markup, and the
 * findings table filters and sorts from the keyboard.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rendered } from './rendered.js';
import type { Result } from '../../src/evaluate/types.js';
import { renderHtml } from '../../src/report/html.js';
import { CHROMIUM_ARGS, describeInBrowser } from '../helpers/browser.js';
import { orgScan, TEST_OUTPUT } from './fixture.js';

const doc = orgScan();
// Hostile data: if any of it were not escaped, the script would run or the image would be fetched.
const hostile: Result = {
  ...(doc.results.find((r) => r.status === 'fail') as Result),
  id: 'hostile',
  resourceArn: 'arn:aws:s3:::<script>window.__pwned=1</script>',
  resourceName: '<b>bold</b>',
  message: 'Bucket "<img src=x onerror=window.__pwned=2>" is public',
};
doc.results.push(hostile);

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];
const file = join(TEST_OUTPUT, 'report.html');


// Child combinators: each finding's evidence holds a table of its own.
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

const visibleRows = () => page.locator('#findings > tbody > tr.finding:visible');
const columnTexts = async (n: number) => page.locator(`#findings > tbody > tr.finding:visible > td:nth-child(${n})`).allInnerTexts();

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
    expect(await visibleRows().count()).toBe(doc.results.length);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('#findings > tbody > tr > td.arn', { hasText: '<script>window.__pwned=1</script>' }).count()).resolves.toBe(1);
    expect(await page.locator('#findings b').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
  });

  it('filters by text, status and severity, and says how many rows show', async () => {
    await page.locator('#f-text').pressSequentially('legacy');
    const legacy = doc.results.filter((r) => [r.resourceArn, r.message, r.resourceName].join(' ').toLowerCase().includes('legacy'));
    expect(await visibleRows().count()).toBe(legacy.length);
    await page.locator('#f-status').selectOption('fail');
    expect(await visibleRows().count()).toBe(legacy.filter((r) => r.status === 'fail').length);
    await page.locator('#f-severity').selectOption('critical');
    expect(await columnTexts(6)).toEqual(['arn:aws:s3:::legacy-trail-logs']);
    await expect(page.locator('#f-count').innerText()).resolves.toBe(`Showing 1 of ${doc.results.length} results`);
    await page.locator('#f-text').fill('');
    await page.locator('#f-status').selectOption('');
    await page.locator('#f-severity').selectOption('');
    expect(await visibleRows().count()).toBe(doc.results.length);
  });

  it('sorts a column from the keyboard and reports the order with aria-sort', async () => {
    const account = page.locator('#findings thead th', { hasText: 'Account' });
    await account.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect(account.getAttribute('aria-sort')).resolves.toBe('ascending');
    const ascending = await columnTexts(4);
    expect(ascending).toEqual([...ascending].sort());
    await page.keyboard.press('Enter');
    await expect(account.getAttribute('aria-sort')).resolves.toBe('descending');
    expect(await columnTexts(4)).toEqual([...ascending].sort().reverse());

    await page.locator('#findings thead th', { hasText: 'Severity' }).locator('button').click();
    await expect(account.getAttribute('aria-sort')).resolves.toBeNull();
    const severities = await columnTexts(2);
    expect(severities[0]?.toLowerCase()).toBe('critical');
    expect(severities.at(-1)?.toLowerCase()).toBe('informational');
  });

  it('expands a finding into its evidence and remediation', async () => {
    const row = page.locator('#findings > tbody > tr.finding', { hasText: 'arn:aws:s3:::legacy-trail-logs' });
    const toggle = row.locator('button.toggle');
    const evidence = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    await expect(evidence.isVisible()).resolves.toBe(false);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(evidence.isVisible()).resolves.toBe(true);
    const text = await evidence.innerText();
    expect(text).toContain('PublicAccessBlock.BlockPublicPolicy is_true');
    expect(text).toContain('Enable all four S3 Block Public Access settings on the bucket.');
    expect(text).toContain('{"allowedPrincipals":[]}'); // the parameters the rule ran with
    await page.screenshot({ path: join(TEST_OUTPUT, 'html.png'), fullPage: true });
    // The rule link opens the rule's full description.
    await evidence.getByRole('link').click();
    await expect(page.locator('#rule-s3-trail-bucket-not-public').getAttribute('open')).resolves.toBe('');
  });

  it('labels every control, and prints every unfiltered finding with its evidence but not the controls', async () => {
    for (const id of ['f-text', 'f-status', 'f-severity']) expect(await page.locator(`label[for="${id}"]`).count()).toBe(1);
    // Status badges carry a word and a symbol, not only a colour, and their text meets WCAG AA contrast.
    for (const status of ['fail', 'error', 'waived', 'pass', 'skip']) {
      const badge = page.locator(`.totals .badge.st-${status}`);
      expect((await badge.innerText()).toLowerCase()).toContain(status);
      // A string, because this test is compiled without the DOM library.
      const [fg, bg] = (await page.evaluate(
        `(() => { const s = getComputedStyle(document.querySelector('.totals .badge.st-${status}')); return [s.color, s.backgroundColor]; })()`,
      )) as [string, string];
      expect(contrast(fg, bg), status).toBeGreaterThanOrEqual(4.5);
    }
    expect(await page.locator('#findings thead th:not([scope="col"])').count()).toBe(0);
    await page.locator('#f-status').selectOption('error');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.filters').isVisible()).resolves.toBe(false);
    const errors = doc.results.filter((r) => r.status === 'error').length;
    expect(await page.locator('#findings > tbody > tr.detail:visible').count()).toBe(errors);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('#f-status').selectOption('');
    expect(consoleErrors).toEqual([]);
  });
});
