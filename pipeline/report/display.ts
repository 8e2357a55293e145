import { metrics } from '../../registries/metrics.ts';

/**
 * The order an analyst covering miners reads metrics in: revenue, hash rate, bitcoins mined and
 * held, efficiency, cost per bitcoin, power, cash and debt; every other metric follows in the
 * registry's order.
 */
const firstMetrics = [
  'revenue_total', 'revenue_product', 'revenue_mining', 'revenue_other',
  'hashrate_installed', 'hashrate_sold', 'hashrate_target',
  'btc_mined', 'btc_held', 'btc_sold',
  'efficiency', 'cost_per_btc', 'power_capacity', 'power_cost', 'cash', 'debt',
];

export const metricOrder: readonly string[] = [...firstMetrics, ...metrics.map((m) => m.id).filter((id) => !firstMetrics.includes(id))];

const rank = new Map(metricOrder.map((id, i) => [id, i]));
export const metricRank = (id: string) => rank.get(id) ?? metricOrder.length;

/** The levels compared across companies and followed over a company's calls, in reading order. */
export const coreMetrics = ['revenue_total', 'hashrate_installed', 'btc_mined', 'btc_held', 'efficiency', 'cost_per_btc', 'power_capacity', 'cash', 'debt'] as const;

const labels: Record<string, string> = {
  revenue_total: 'Revenue', revenue_product: 'Revenue, products', revenue_mining: 'Revenue, self-mining', revenue_other: 'Revenue, other',
  hashrate_installed: 'Hash rate installed', hashrate_sold: 'Hash rate sold', hashrate_target: 'Hash rate target',
  btc_mined: 'BTC mined', btc_held: 'BTC held', btc_sold: 'BTC sold', efficiency: 'Efficiency', cost_per_btc: 'Cost per BTC',
  power_capacity: 'Power capacity', power_cost: 'Power cost', cash: 'Cash', debt: 'Debt',
  adjusted_ebitda: 'Adjusted EBITDA', eps: 'EPS', eps_adjusted: 'Adjusted EPS', arr: 'ARR (run rate)', capex: 'Capex', gpu_count: 'GPUs',
  btc_yield: 'BTC Yield', btc_price: 'BTC price', btc_held_value: 'Value of BTC held', asp_per_hashrate: 'Price per TH/s sold',
  product_hashrate: 'Hash rate of a model', network_hashrate: 'Network hash rate', revenue_per_btc: 'Revenue per BTC', hashprice: 'Hashprice',
};

/** "Hash rate installed"; a metric without a label reads from its id. */
export const metricLabel = (id: string) => labels[id] ?? id.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

export const metricKind = (id: string) => metrics.find((m) => m.id === id)?.kind ?? 'flow';

// a formatter is costly to make: one for each number of digits, made once
const formats = new Map<number, Intl.NumberFormat>();
const number = (n: number, digits: number) => {
  let format = formats.get(digits);
  if (!format) formats.set(digits, (format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
  return format.format(n);
};
/** Three significant digits, enough to read and compare: 142.7 → 143, 31.4, 7.36. */
const significant = (n: number) => number(n, Math.abs(n) >= 100 ? 1 : Math.abs(n) >= 10 ? 1 : 2);

/** The canonical value as stored, for a tooltip: "142,700,000 USD". */
export function canonical(value: number, unit: string): string {
  return `${number(value, 6)} ${unit}`.trim();
}

/** A value in the unit the industry reads: EH/s, J/TH, $M or $B, BTC, MW. */
export function display(value: number, unit: string | null): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  switch (unit) {
    case 'USD':
      if (abs >= 1e9) return `${sign}$${significant(abs / 1e9)}B`;
      if (abs >= 1e6) return `${sign}$${significant(abs / 1e6)}M`;
      if (abs >= 1e3) return `${sign}$${number(abs, 0)}`;
      return `${sign}$${number(abs, 2)}`;
    case 'TH/s':
      if (abs >= 1e5) return `${number(value / 1e6, 2)} EH/s`;
      if (abs >= 1e3) return `${number(value / 1e3, 1)} PH/s`;
      return `${number(value, 2)} TH/s`;
    case 'BTC':
      return `${number(value, abs >= 100 ? 0 : 2)} BTC`;
    case 'J/TH':
      return `${number(value, 1)} J/TH`;
    case '%':
      return `${number(value, 1)}%`;
    case 'USD/kWh':
      return `${number(value * 100, 2)}¢/kWh`;
    case 'USD/(TH/s)':
      return `$${number(value, 2)}/TH/s`;
    case 'USD/share':
      return `${sign}$${number(abs, 2)}/share`;
    case 'USD/(PH/s)/day':
      return `$${number(value, 1)}/PH/s/day`;
    case 'MW':
      return `${number(value, 0)} MW`;
    case null:
    case '':
      return number(value, 6);
    default:
      return `${number(value, 6)} ${unit}`;
  }
}

/** A range or one value, in display units; a change carries its sign (+8%, −19%). */
export function displayRange(value: number, high: number | null, unit: string | null, change = false): string {
  const one = (v: number) => `${change && v > 0 ? '+' : ''}${display(v, unit).replace(/^-/, '−')}`;
  return high === null ? one(value) : `${one(value)} – ${one(high)}`;
}

/** The axis unit and factor of a chart of a metric: revenue in $M, hash rate in EH/s. */
export function chartUnit(unit: string): { axis: string; scale: number } {
  switch (unit) {
    case 'USD':
      return { axis: '$M', scale: 1e-6 };
    case 'TH/s':
      return { axis: 'EH/s', scale: 1e-6 };
    default:
      return { axis: unit, scale: 1 };
  }
}
