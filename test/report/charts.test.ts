import { describe, expect, it } from 'vitest';
import { chartPoints, charts, renderChart, vegaLiteSpec } from '../../pipeline/report/charts.ts';
import { anchorId, escapeHtml } from '../../pipeline/report/escape.ts';
import type { WideRow } from '../../pipeline/report/report-rows.ts';

const row = (call_period: string, values: Partial<WideRow>): WideRow =>
  ({
    ticker: 'ACME', call_period, revenue_total: null, revenue_product: null, revenue_mining: null, gross_margin: null, net_income: null,
    adjusted_ebitda: null, cash: null, hashrate_sold: null, hashrate_installed: null, efficiency: null, btc_mined: null, btc_held: null, btc_sold: null,
    ...values,
  }) as WideRow;

const hashrate = charts.find((c) => c.id === 'hashrate')!;

describe('report charts', () => {
  it('plots the stated values in display units and leaves out the rest', () => {
    expect(chartPoints(hashrate, [row('2025Q1', { hashrate_installed: 31_400_000 })])).toEqual([{ quarter: '2025Q1', series: 'installed', value: 31.4 }]);
  });

  it('draws lines over several call quarters', async () => {
    const rows = [row('2024Q4', { hashrate_installed: 20e6, hashrate_sold: 5e6 }), row('2025Q1', { hashrate_installed: 31.4e6 })];
    expect(vegaLiteSpec(hashrate, 'quarters')).toMatchObject({ mark: { type: 'line' } });
    const svg = await renderChart(hashrate, 'quarters', chartPoints(hashrate, rows));
    expect(svg).toMatch(/^<svg[^>]*class="marks"/);
    expect(svg).toContain('mark-line');
    expect((svg.match(/aria-roledescription="point"/g) ?? []).length).toBe(3);
  });

  it('draws bars for a single call quarter, each company with its own values', async () => {
    const one = await renderChart(hashrate, 'one-quarter', chartPoints(hashrate, [row('2025Q1', { hashrate_installed: 31.4e6, hashrate_sold: 5e6 })]));
    expect((one.match(/aria-roledescription="bar"/g) ?? []).length).toBe(2);
    const other = await renderChart(hashrate, 'one-quarter', chartPoints(hashrate, [row('2025Q1', { hashrate_installed: 12e6 })]));
    expect((other.match(/aria-roledescription="bar"/g) ?? []).length).toBe(1);
    expect(other).toContain('12');
    expect(other).not.toContain('31.4');
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
