import { describe, expect, it } from 'vitest';
import { comparisonChart, oneKind, renderChart, shorterSvg, trendCharts, vegaLiteSpec } from '../../pipeline/report/charts.ts';
import { anchorId, escapeHtml } from '../../pipeline/report/escape.ts';

const revenue = trendCharts.find((c) => c.id === 'revenue')!;

describe('report charts', () => {
  it('never puts a flow and a stock on one axis', () => {
    for (const chart of trendCharts) expect(oneKind(chart), chart.id).toBe(true);
    expect(trendCharts.find((c) => c.series.some((s) => s.metric === 'btc_mined'))!.series.map((s) => s.metric)).toEqual(['btc_mined']);
    expect(trendCharts.find((c) => c.series.some((s) => s.metric === 'hashrate_installed'))!.series.map((s) => s.metric)).toEqual(['hashrate_installed']);
  });

  it('draws lines over a company\'s calls, and its legend lists only the series with data', async () => {
    const points = [
      { quarter: '2024Q4', series: 'total', value: 58.3 },
      { quarter: '2025Q1', series: 'total', value: 96.8 },
      { quarter: '2025Q1', series: 'self-mining', value: 90.1 },
    ];
    expect(vegaLiteSpec(revenue, 'trend', ['total', 'self-mining'])).toMatchObject({ mark: { type: 'line' }, encoding: { color: { scale: { domain: ['total', 'self-mining'] } } } });
    const svg = await renderChart(revenue, 'trend', points);
    expect(svg).toMatch(/^<svg[^>]*class="marks"/);
    expect(svg).toContain('mark-line');
    expect(svg).toContain('>self-mining<');
    expect(svg).not.toContain('>products<');
    const alone = await renderChart(revenue, 'trend', points.filter((p) => p.series === 'total'));
    expect(alone).not.toContain('role-legend');
  });

  it('leaves out every other quarter label where twelve would overlap, and keeps all of four', async () => {
    const quarters = (n: number) => Array.from({ length: n }, (_, i) => `${2023 + Math.floor(i / 4)}Q${(i % 4) + 1}`);
    const labelsShown = (svg: string, names: string[]) => names.filter((q) => svg.includes(`>${q}<`)).length;
    const twelve = quarters(12);
    const many = await renderChart(revenue, 'trend', twelve.map((quarter, i) => ({ quarter, series: 'total', value: 50 + i })));
    expect(labelsShown(many, twelve)).toBeGreaterThan(1);
    expect(labelsShown(many, twelve)).toBeLessThanOrEqual(6);
    const four = quarters(4);
    const few = await renderChart(revenue, 'trend', four.map((quarter, i) => ({ quarter, series: 'total', value: 50 + i })));
    expect(labelsShown(few, four)).toBe(4);
  });

  it('compares companies with one bar each, in the display unit', async () => {
    const hashrate = comparisonChart('hashrate_installed');
    expect(hashrate.axis).toBe('EH/s');
    const svg = await renderChart(hashrate, 'compare', [
      { quarter: 'ACME · 2025-03-31', series: hashrate.series[0].label, value: 31.4 },
      { quarter: 'BETA · 2025-06-30', series: hashrate.series[0].label, value: 12 },
    ]);
    expect((svg.match(/<path[^>]*d="M0,\d/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(svg).toContain('ACME · 2025-03-31');
    expect(svg).toContain('EH/s');
  });

  it('writes shorter SVG that draws the same', () => {
    const svg = '<g><path class="background" aria-hidden="true" d="M0,0h0v0h0Z" pointer-events="none"/><line transform="translate(0.123456,5)" x2="260" stroke="#ddd" stroke-width="1" opacity="1"/></g>';
    expect(shorterSvg(svg)).toBe('<g><line transform="translate(0.1,5)" x2="260" stroke="#ddd"/></g>');
  });
});

describe('report text', () => {
  it('escapes every character HTML gives meaning to', () => {
    expect(escapeHtml(`<script>alert("x & 'y'")</script>`)).toBe('&lt;script&gt;alert(&quot;x &amp; &#39;y&#39;&quot;)&lt;/script&gt;');
    expect(escapeHtml(null)).toBe('');
  });

  it('makes anchors of any fact id', () => {
    expect(anchorId('fact', 'abc-12 3/x"y')).toBe('fact-abc-12_3_x_y');
  });
});
