import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { metricKind, metricLabel } from './display.ts';

/** A chart of one axis: metrics of one kind (flows, or stocks, never both) in one display unit. */
export interface ChartSpec {
  id: string;
  title: string;
  axis: string;
  /** canonical value × scale = displayed value */
  scale: number;
  series: { metric: string; label: string }[];
}

/** How a metric is drawn: its axis title and factor from the canonical unit. */
export function metricAxis(metric: string): { axis: string; scale: number } {
  if (metric === 'cost_per_btc' || metric === 'revenue_per_btc') return { axis: '$ per BTC', scale: 1 };
  if (metric.startsWith('revenue') || metric === 'cash' || metric === 'debt' || metric === 'net_income' || metric === 'adjusted_ebitda') return { axis: '$M', scale: 1e-6 };
  if (metric.startsWith('hashrate')) return { axis: 'EH/s', scale: 1e-6 };
  if (metric.startsWith('btc_')) return { axis: 'BTC', scale: 1 };
  if (metric === 'efficiency') return { axis: 'J/TH', scale: 1 };
  if (metric === 'power_capacity') return { axis: 'MW', scale: 1 };
  return { axis: '', scale: 1 };
}

const single = (metric: string, title = metricLabel(metric)): ChartSpec => ({ id: metric, title, ...metricAxis(metric), series: [{ metric, label: metricLabel(metric) }] });

/** A company's charts over its calls, in the order of importance; each holds one kind of quantity. */
export const trendCharts: readonly ChartSpec[] = [
  {
    id: 'revenue', title: 'Revenue by line', ...metricAxis('revenue_total'),
    series: [{ metric: 'revenue_total', label: 'total' }, { metric: 'revenue_product', label: 'products' }, { metric: 'revenue_mining', label: 'self-mining' }],
  },
  single('hashrate_installed', 'Hash rate installed (end of quarter)'),
  single('hashrate_sold', 'Hash rate sold in the quarter'),
  single('btc_mined', 'BTC mined in the quarter'),
  single('btc_held', 'BTC held (end of quarter)'),
  single('efficiency', 'Fleet efficiency'),
  single('cost_per_btc', 'Cost to mine one BTC'),
  single('power_capacity', 'Power capacity'),
  { id: 'balance', title: 'Cash and debt (end of quarter)', ...metricAxis('cash'), series: [{ metric: 'cash', label: 'cash' }, { metric: 'debt', label: 'debt' }] },
];

/** The comparison of companies' latest quarter: one chart per core metric. */
export const comparisonChart = (metric: string): ChartSpec => single(metric);

/** Whether every series of a chart is the same kind of quantity (a flow and a stock never share an axis). */
export const oneKind = (chart: ChartSpec) => new Set(chart.series.map((s) => metricKind(s.metric))).size === 1;

export interface Point {
  /** x of a trend (a call quarter) or the bar's label of a comparison (a company) */
  quarter: string;
  series: string;
  value: number;
}

/** `trend`: lines over a company's call quarters; `compare`: one bar per company, largest first. */
export type ChartMode = 'trend' | 'compare';

/**
 * The Vega-Lite spec of a chart, its data left as the named set `points`: one spec per chart
 * and mode serves every company, so it is compiled and parsed once. The legend lists the series
 * with data only: the colour domain is set per chart from its points.
 */
export function vegaLiteSpec(chart: ChartSpec, mode: ChartMode, labels: readonly string[]): TopLevelSpec {
  const common = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: chart.title, background: 'white', data: { name: 'points' } };
  if (mode === 'compare') {
    return {
      ...common,
      width: 200,
      height: { step: 16 },
      mark: { type: 'bar', color: '#4c78a8' },
      encoding: {
        y: { field: 'quarter', type: 'nominal', title: null, sort: '-x' },
        x: { field: 'value', type: 'quantitative', title: chart.axis },
      },
    };
  }
  const color = {
    field: 'series', type: 'nominal' as const, title: null, sort: labels, scale: { domain: labels },
    ...(labels.length > 1 ? { legend: { orient: 'bottom' as const } } : { legend: null }),
  };
  return {
    ...common,
    width: 240,
    height: 130,
    mark: { type: 'line', point: true },
    encoding: {
      // twelve quarters' labels do not fit under 240 px: every other one is left out where they would overlap
      x: { field: 'quarter', type: 'ordinal', title: null, sort: 'ascending', axis: { labelAngle: 0, labelOverlap: 'parity' } },
      y: { field: 'value', type: 'quantitative', title: chart.axis },
      color,
    },
  };
}

const runtimes = new Map<string, vega.Runtime>();

/**
 * The same drawing in half the bytes, for a page of hundreds of charts: coordinates to a tenth of
 * a pixel, no attribute that repeats SVG's default or only matters to a live, interactive view
 * (opacity 1, stroke width 1, pointer events), no empty background and foreground paths, no ARIA
 * label per mark (the figure has one, and a table beside it has the values).
 */
export function shorterSvg(svg: string): string {
  return svg
    .replace(/<path class="(?:background|foreground)" aria-hidden="true" d="(?:|M0,0h0v0h0Z)" pointer-events="none"(?: display="none")?\/>/g, '')
    // axis labels left out so that the others do not overlap: drawn transparent, so not drawn at all
    .replace(/<text [^>]*opacity="0"[^>]*>[^<]*<\/text>/g, '')
    .replace(/ (?:opacity="1"|stroke-width="1"|pointer-events="none"|font-family="sans-serif"|aria-hidden="true")(?=[ />])/g, '')
    // the marks' roles and labels: the table beside each chart carries the same values, readably
    .replace(/ (?:role|aria-roledescription|aria-label)="[^"]*"/g, '')
    .replace(/ (d|transform|points)="([^"]*)"/g, (_m, name: string, value: string) => ` ${name}="${value.replace(/(\d+\.\d)\d+/g, '$1')}"`);
}

/** Vega-Lite compiled to Vega and rendered to an SVG string in Node: no browser, no canvas. */
export async function renderChart(chart: ChartSpec, mode: ChartMode, points: readonly Point[]): Promise<string> {
  const labels = chart.series.map((s) => s.label).filter((label) => points.some((p) => p.series === label));
  const key = `${chart.id}:${mode}:${labels.join('|')}`;
  let runtime = runtimes.get(key);
  if (!runtime) runtimes.set(key, (runtime = vega.parse(vl.compile(vegaLiteSpec(chart, mode, labels)).spec)));
  const view = new vega.View(runtime, { renderer: 'none' });
  try {
    view.data('points', points.map((p) => ({ ...p })));
    return shorterSvg(await view.toSVG());
  } finally {
    view.finalize();
  }
}
