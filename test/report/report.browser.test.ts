import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../pipeline/run.ts';
import { sampleCorpus } from '../paths.ts';

/** Debian's chromium, installed by `make chromium`; a browser is never downloaded. */
const chromiumPath = '/usr/bin/chromium';
const skip = process.env.HASHKPI_SKIP_BROWSER === '1';
if (skip) console.warn('HASHKPI_SKIP_BROWSER=1: the report browser test is skipped');

describe.skipIf(skip)('report.html in a browser', () => {
  let tmp: string;
  let report: string;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-report-'));
    await buildDataset({ input: sampleCorpus, out: path.join(tmp, 'out'), jobs: 1, strict: false });
    report = path.join(tmp, 'out', 'report.html');
    if (!existsSync(chromiumPath)) return;
    context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('has chromium to run in', () => {
    if (!existsSync(chromiumPath)) {
      expect.fail(`${chromiumPath} not found: run \`make chromium\` (apt-get install chromium), or set HASHKPI_SKIP_BROWSER=1 to skip the browser test`);
    }
  });

  it('draws the SVG charts, links every value to its quote, loads nothing from the network and logs no error', async () => {
    if (!context) expect.fail(`${chromiumPath} not found: run \`make chromium\``);
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));

    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });

    const charts = await page.$$eval('figure.chart svg.marks', (svgs) =>
      svgs.map((svg) => ({
        width: svg.getBoundingClientRect().width,
        marks: svg.querySelectorAll('g.mark-rect path, g.mark-line path, g.mark-symbol path').length,
      })),
    );
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(100);
      expect(chart.marks).toBeGreaterThan(0);
    }

    const links = await page.$$eval('table.kpis a[href^="#fact-"]', (as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    expect(links.length).toBeGreaterThan(0);
    const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(id)), links);
    expect(missing).toEqual([]);

    await page.click(`a[href="#${links[0]}"]`);
    expect(await page.evaluate(() => location.hash)).toBe(`#${links[0]}`);
    expect(await page.isVisible(`#${links[0]} blockquote`)).toBe(true);

    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('is one file with no script and no external reference', () => {
    const html = readFileSync(report, 'utf8');
    expect(html).not.toMatch(/<script|<link[^>]+stylesheet|<img[^>]+src="http|@import|url\(http/i);
    expect(html.match(/<svg/g)?.length).toBeGreaterThan(0);
  });
});
