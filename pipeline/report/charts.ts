import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { WideRow } from './report-rows.ts';

type WideMetric = Exclude<keyof WideRow, 'ticker' | 'call_period'>;

/** A chart of the report: which kpi_wide columns it plots, under which names, in which display unit. */
export interface ChartSpec {
  id: string;
  title: string;
  axis: string;
  /** canonical value × scale = displayed value */
  scale: number;
  series: { metric: WideMetric; label: string }[];
}

export const charts: readonly ChartSpec[] = [
  {
    id: 'revenue', title: 'Revenue by line', axis: 'USD million', scale: 1e-6,
    series: [{ metric: 'revenue_total', label: 'total' }, { metric: 'revenue_product', label: 'products' }, { metric: 'revenue_mining', label: 'self-mining' }],
  },
  {
    id: 'hashrate', title: 'Hash rate sold and installed', axis: 'EH/s', scale: 1e-6,
    series: [{ metric: 'hashrate_sold', label: 'sold in the quarter' }, { metric: 'hashrate_installed', label: 'installed' }],
  },
  {
    id: 'bitcoin', title: 'Bitcoin mined and held', axis: 'BTC', scale: 1,
    series: [{ metric: 'btc_mined', label: 'mined' }, { metric: 'btc_held', label: 'held' }],
  },
  { id: 'efficiency', title: 'Efficiency', axis: 'J/TH', scale: 1, series: [{ metric: 'efficiency', label: 'fleet' }] },
];

export interface Point {
  quarter: string;
  series: string;
  value: number;
}

/** `quarters`: lines over a company's call quarters; `one-quarter`: bars of its only one. */
export type ChartMode = 'quarters' | 'one-quarter';

export function chartPoints(chart: ChartSpec, rows: readonly WideRow[]): Point[] {
  return rows.flatMap((row) =>
    chart.series.flatMap(({ metric, label }) => {
      const value = row[metric];
      return value === null || value === undefined ? [] : [{ quarter: row.call_period, series: label, value: value * chart.scale }];
    }),
  );
}

/**
 * The Vega-Lite spec of a chart, its data left as the named set `points`: one spec per chart
 * and mode serves every company, so it is compiled and parsed once.
 */
export function vegaLiteSpec(chart: ChartSpec, mode: ChartMode): TopLevelSpec {
  const labels = chart.series.map((s) => s.label);
  const color = { field: 'series', type: 'nominal' as const, title: null, sort: labels, scale: { domain: labels } };
  const y = { field: 'value', type: 'quantitative' as const, title: chart.axis };
  const common = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: chart.title, width: 300, height: 160, background: 'white', data: { name: 'points' } };
  if (mode === 'quarters') {
    return {
      ...common,
      mark: { type: 'line', point: true },
      encoding: { x: { field: 'quarter', type: 'ordinal', title: 'call quarter', sort: 'ascending' }, y, color },
    };
  }
  return {
    ...common,
    mark: 'bar',
    encoding: {
      x: { field: 'series', type: 'nominal', title: null, sort: labels, axis: { labelAngle: 0 } },
      y,
      color: { ...color, legend: null },
    },
  };
}

const runtimes = new Map<string, vega.Runtime>();

/** Vega-Lite compiled to Vega and rendered to an SVG string in Node: no browser, no canvas. */
export async function renderChart(chart: ChartSpec, mode: ChartMode, points: readonly Point[]): Promise<string> {
  const key = `${chart.id}:${mode}`;
  let runtime = runtimes.get(key);
  if (!runtime) runtimes.set(key, (runtime = vega.parse(vl.compile(vegaLiteSpec(chart, mode)).spec)));
  const view = new vega.View(runtime, { renderer: 'none' });
  try {
    view.data('points', points.map((p) => ({ ...p })));
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
