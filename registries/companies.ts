/**
 * Listed miners and their neighbours, as data: the ticker, the names calls use, the exchange and
 * the month their fiscal year ends. Used where a call does not say its own fiscal calendar
 * ("the quarter ended November 30"); what a call says wins over this list.
 */
export interface Company {
  ticker: string;
  names: readonly string[];
  exchange: string;
  fiscalYearEndMonth: number;
}

export const companies: readonly Company[] = [
  { ticker: 'HIVE', names: ['HIVE Digital Technologies', 'HIVE Digital', 'HIVE Blockchain'], exchange: 'NASDAQ', fiscalYearEndMonth: 3 },
  { ticker: 'APLD', names: ['Applied Digital', 'Applied Blockchain'], exchange: 'NASDAQ', fiscalYearEndMonth: 5 },
  { ticker: 'IREN', names: ['IREN', 'Iris Energy'], exchange: 'NASDAQ', fiscalYearEndMonth: 6 },
  { ticker: 'CLSK', names: ['CleanSpark'], exchange: 'NASDAQ', fiscalYearEndMonth: 9 },
  { ticker: 'DMGI', names: ['DMG Blockchain Solutions', 'DMG Blockchain'], exchange: 'TSXV', fiscalYearEndMonth: 9 },
  { ticker: 'CAN', names: ['Canaan'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'MARA', names: ['MARA Holdings', 'Marathon Digital'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'RIOT', names: ['Riot Platforms', 'Riot Blockchain'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'CIFR', names: ['Cipher Mining'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'CORZ', names: ['Core Scientific'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'HUT', names: ['Hut 8'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'WULF', names: ['TeraWulf'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'BITF', names: ['Bitfarms'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'BTDR', names: ['Bitdeer'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'BTBT', names: ['Bit Digital'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'CANG', names: ['Cango'], exchange: 'NYSE', fiscalYearEndMonth: 12 },
  { ticker: 'GLXY', names: ['Galaxy Digital'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'MSTR', names: ['Strategy', 'MicroStrategy'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'FUFU', names: ['BitFuFu'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'GREE', names: ['Greenidge Generation', 'Greenidge'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'ARBK', names: ['Argo Blockchain'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
  { ticker: 'SLNH', names: ['Soluna Holdings', 'Soluna'], exchange: 'NASDAQ', fiscalYearEndMonth: 12 },
];

const byTicker = new Map(companies.map((c) => [c.ticker, c]));

/** The company of a ticker as transcripts write it (an exchange suffix such as `HIVE:CA` is ignored), or by a name the call uses. */
export function companyOf(ticker: string | null, name: string | null): Company | undefined {
  const bare = ticker?.toUpperCase().split(/[:.]/)[0];
  const known = bare ? byTicker.get(bare) : undefined;
  if (known) return known;
  if (!name) return undefined;
  const lower = name.toLowerCase();
  return companies.find((c) => c.names.some((n) => lower.startsWith(n.toLowerCase())));
}
