import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATHS } from '../packages/cli/dist/headless-chromium.js';
import { runCli } from './support/run-cli.js';

// Debian's headless shell (what .ci/run installs), or the full chromium package; the flags the
// exam's PDF printer uses too (no sandbox as root, no background networking).
const BROWSER = CHROMIUM_PATHS.find((path) => existsSync(path));
const ARGS = [...CHROMIUM_ARGS];

if (!BROWSER && process.env.CI)
  throw new Error(
    'no Chromium: .ci/run installs chromium-headless-shell with apt-get; install it (apt-get install chromium-headless-shell)',
  );
if (!BROWSER)
  console.warn(
    'sweep-browser: skipped, no /usr/bin/chromium-headless-shell or /usr/bin/chromium (apt-get install chromium-headless-shell)',
  );

describe.skipIf(!BROWSER)('the sweep report in a real browser', () => {
  it('renders its plots and tables offline, with no request and no console error', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'masdrill-sweep-html-')), 'report');
    expect(runCli(['sweep', '--n', '200', '--seed', '9', '--workers', '0', '--quiet', '--out', out]).code).toBe(0);
    const browser = await chromium.launch({ executablePath: BROWSER, args: ARGS });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(pathToFileURL(join(out, 'report.html')).href, { waitUntil: 'load' });
      expect(await page.title()).toContain('200 synthetic cases');
      // 8 ROC plots (4 comparisons × 2 time points; a comparison with no score values says so) + 3 distributions.
      const svgs = await page.locator('svg').count();
      expect(svgs).toBeGreaterThanOrEqual(10);
      const roc = page.locator('svg[aria-label^="ROC: sJIA-MAS vs sJIA flare, at onset"]');
      const box = await roc.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(await roc.locator('polyline').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('svg[aria-label^="ferritin (highest) over the first day"] polyline').count()).toBe(4);
      expect(await page.locator('table.two-by-two').count()).toBe(4 * 2 * 8 * 2);
      expect(await page.locator('text=Beside the published figures').count()).toBeGreaterThan(0);
      expect(requests).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
