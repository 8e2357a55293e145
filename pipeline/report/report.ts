import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chartPoints, charts, renderChart } from './charts.ts';
import { reportPage, type RenderedChart } from './page.ts';
import { companyCalls, readReportRows } from './report-rows.ts';

/** Reads OUT/hashkpi.duckdb and writes OUT/report.html: one self-contained page, charts as inline SVG. */
export async function writeReport(outDir: string): Promise<{ file: string; bytes: number; charts: number }> {
  const rows = await readReportRows(path.join(outDir, 'hashkpi.duckdb'));
  const chartsByTicker = new Map<string, RenderedChart[]>();
  let drawn = 0;
  const wideByTicker = new Map<string, typeof rows.wide>();
  for (const r of rows.wide) wideByTicker.set(r.ticker, [...(wideByTicker.get(r.ticker) ?? []), r]);
  for (const [ticker, quarters] of companyCalls(rows)) {
    const tickerRows = wideByTicker.get(ticker) ?? [];
    const rendered: RenderedChart[] = [];
    for (const chart of charts) {
      const points = chartPoints(chart, tickerRows);
      const svg = points.length ? await renderChart(chart, quarters.length > 1 ? 'quarters' : 'one-quarter', points) : null;
      if (svg) drawn++;
      rendered.push({ chart, svg, quarters });
    }
    chartsByTicker.set(ticker, rendered);
  }
  const html = reportPage(rows, chartsByTicker);
  const file = path.join(outDir, 'report.html');
  await writeFile(file, html, 'utf8');
  return { file, bytes: Buffer.byteLength(html), charts: drawn };
}
