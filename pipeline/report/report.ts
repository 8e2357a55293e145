import { createHash } from 'node:crypto';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { groupBy } from '../group-by.ts';
import { comparisonChart, renderChart, trendCharts, type Point } from './charts.ts';
import { coreMetrics } from './display.ts';
import { callsShownPerCompany, reportPageParts, trendCallsPerCompany, type RenderedChart } from './page.ts';
import { companyCalls, readReportRows } from './report-rows.ts';

/** Charts per company: with a page of a hundred companies, each chart more is half a megabyte more. */
const trendChartsPerCompany = 2;

/**
 * The charts a build drew, kept for the next one: a chart is drawn from its spec and its points
 * alone, so a rebuild draws again only the charts whose points changed (a changed call changes its
 * company's charts and the comparison). `from` is the previous dataset's file, `to` this one's;
 * `version` the rules' fingerprint, since the drawing code is part of it.
 */
export interface ChartCache {
  from: string | null;
  to: string;
  version: string;
}

interface ChartCacheFile {
  version: string;
  charts: Record<string, string>;
}

async function readChartCache(cache: ChartCache | undefined): Promise<Map<string, string>> {
  if (!cache?.from) return new Map();
  try {
    const file = JSON.parse(await readFile(cache.from, 'utf8')) as ChartCacheFile;
    return file.version === cache.version && file.charts && typeof file.charts === 'object' ? new Map(Object.entries(file.charts).filter(([, svg]) => typeof svg === 'string')) : new Map();
  } catch {
    return new Map();
  }
}

/** Reads OUT/hashkpi.duckdb and writes OUT/report.html: one self-contained page, charts as inline SVG. */
export async function writeReport(outDir: string, chartCache?: ChartCache): Promise<{ file: string; bytes: number; charts: number }> {
  const previousCharts = await readChartCache(chartCache);
  const drawnCharts = new Map<string, string>();
  const draw = async (chart: Parameters<typeof renderChart>[0], mode: Parameters<typeof renderChart>[1], points: readonly Point[]): Promise<string> => {
    const key = createHash('sha256').update(JSON.stringify([chart, mode, points])).digest('hex');
    const svg = previousCharts.get(key) ?? drawnCharts.get(key) ?? (await renderChart(chart, mode, points));
    drawnCharts.set(key, svg);
    return svg;
  };
  const rows = await readReportRows(path.join(outDir, 'hashkpi.duckdb'), { shownPerCompany: callsShownPerCompany, trendPerCompany: trendCallsPerCompany });
  const calls = companyCalls(rows);
  const levels = groupBy(rows.levels, (l) => l.ticker);
  let drawn = 0;

  // a company's most important charts over its latest calls (those of its trend table), where at
  // least two calls state the chart's values; the table above them has every core metric quarter by quarter
  const byTicker = new Map<string, RenderedChart[]>();
  for (const [ticker, periods] of calls) {
    const trendCalls = new Set(periods.slice(-trendCallsPerCompany));
    const trendLevels = (levels.get(ticker) ?? []).filter((l) => trendCalls.has(l.call_period));
    const rendered: RenderedChart[] = [];
    for (const chart of trendCharts) {
      if (rendered.length === trendChartsPerCompany) break;
      const points: Point[] = trendLevels.flatMap((l) => {
        const series = chart.series.find((s) => s.metric === l.metric);
        return series ? [{ quarter: l.call_period, series: series.label, value: l.value * chart.scale }] : [];
      });
      if (new Set(points.map((p) => p.quarter)).size < 2) continue;
      rendered.push({ chart, svg: await draw(chart, 'trend', points) });
      drawn++;
    }
    byTicker.set(ticker, rendered);
  }

  // each core metric across companies, from each company's latest call
  const comparison: RenderedChart[] = [];
  for (const metric of coreMetrics) {
    const chart = comparisonChart(metric);
    const points: Point[] = [];
    for (const [ticker, periods] of calls) {
      const l = (levels.get(ticker) ?? []).find((x) => x.call_period === periods.at(-1) && x.metric === metric);
      if (l) points.push({ quarter: `${ticker} · ${l.quarter_end ?? l.call_period}`, series: chart.series[0].label, value: l.value * chart.scale });
    }
    if (points.length === 0) continue;
    comparison.push({ chart, svg: await draw(chart, 'compare', points) });
    drawn++;
  }

  const file = path.join(outDir, 'report.html');
  const out = await open(file, 'w');
  let bytes = 0;
  try {
    for (const part of reportPageParts(rows, { byTicker, comparison })) {
      const encoded = Buffer.from(part, 'utf8');
      await out.write(encoded);
      bytes += encoded.length;
    }
  } finally {
    await out.close();
  }
  if (chartCache) {
    await mkdir(path.dirname(chartCache.to), { recursive: true });
    const kept: ChartCacheFile = { version: chartCache.version, charts: Object.fromEntries(drawnCharts) };
    await writeFile(chartCache.to, JSON.stringify(kept));
  }
  return { file, bytes, charts: drawn };
}
