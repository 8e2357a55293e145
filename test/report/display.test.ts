import { describe, expect, it } from 'vitest';
import { canonical, display, displayRange, metricOrder } from '../../pipeline/report/display.ts';
import { metrics } from '../../registries/metrics.ts';

describe('values in the units the industry reads', () => {
  it.each([
    [4_600_000, 'TH/s', '4.6 EH/s'],
    [31_400_000, 'TH/s', '31.4 EH/s'],
    [450_000, 'TH/s', '0.45 EH/s'],
    [20_500, 'TH/s', '20.5 PH/s'],
    [335, 'TH/s', '335 TH/s'],
    [-19, '%', '-19%'],
    [766_300_000, 'USD', '$766.3M'],
    [1_234_000_000, 'USD', '$1.23B'],
    [-96_200_000, 'USD', '−$96.2M'],
    [38_700, 'USD', '$38,700'],
    [17.9, 'J/TH', '17.9 J/TH'],
    [10_540, 'BTC', '10,540 BTC'],
    [0.5, 'BTC', '0.5 BTC'],
    [0.031, 'USD/kWh', '3.1¢/kWh'],
    [52, '%', '52%'],
    [812, 'MW', '812 MW'],
  ])('%s %s reads %s', (value, unit, shown) => {
    expect(display(value, unit)).toBe(shown);
  });

  it('signs a change and writes a true minus', () => {
    expect(displayRange(8, null, '%', true)).toBe('+8%');
    expect(displayRange(-19, null, '%', true)).toBe('−19%');
    expect(displayRange(1450, 1550, 'BTC')).toBe('1,450 BTC – 1,550 BTC');
  });

  it('keeps the canonical value for the tooltip', () => {
    expect(canonical(766_300_000, 'USD')).toBe('766,300,000 USD');
  });

  it('orders metrics by importance: revenue, hash rate, bitcoin, efficiency, cost, power, cash and debt, then the rest', () => {
    const at = (id: string) => metricOrder.indexOf(id);
    expect(at('revenue_total')).toBe(0);
    expect(at('revenue_total')).toBeLessThan(at('hashrate_installed'));
    expect(at('hashrate_installed')).toBeLessThan(at('btc_mined'));
    expect(at('btc_held')).toBeLessThan(at('efficiency'));
    expect(at('efficiency')).toBeLessThan(at('cost_per_btc'));
    expect(at('power_capacity')).toBeLessThan(at('cash'));
    expect(at('debt')).toBeLessThan(at('accounts_receivable'));
    expect(new Set(metricOrder)).toEqual(new Set(metrics.map((m) => m.id)));
  });
});
