/**
 * Screenshots of a report at the widths an analyst reads it at, with Debian's chromium, to look
 * at before saying a change of the report is done. Usage:
 *   npx tsx scripts/report-screenshots.ts OUT/report.html SHOTS_DIR [width ...]
 * Prints each file written, the page's load time and whether it overflows horizontally.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [report, shots, ...widthArgs] = process.argv.slice(2);
if (!report || !shots) throw new Error('usage: npx tsx scripts/report-screenshots.ts OUT/report.html SHOTS_DIR [width ...]');
const widths = widthArgs.length ? widthArgs.map(Number) : [1024, 1600];
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const width of widths) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const started = performance.now();
    await page.goto(pathToFileURL(path.resolve(report)).href, { waitUntil: 'load' });
    const loadMs = Math.round(performance.now() - started);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const top = path.join(shots, `report-${width}.png`);
    await page.screenshot({ path: top });
    // the page in screens, as a reader scrolls it (a full-page image is too tall to look at)
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const screens = Math.min(Math.ceil(height / 900), 12);
    for (let i = 1; i < screens; i++) {
      await page.evaluate((y) => window.scrollTo(0, y), i * 900);
      await page.screenshot({ path: path.join(shots, `report-${width}-${i}.png`) });
    }
    console.log(`${width}px: ${top} and ${screens - 1} more screens of ${height}px; loaded in ${loadMs} ms; horizontal overflow ${overflow}px`);
    await page.close();
  }
} finally {
  await browser.close();
}
