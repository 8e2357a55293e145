// The units and scale words that earnings calls use, as data. The quantity extractor builds its
// regexes from these lists once; adding a unit or a spoken form is a one-entry change here.

/** A power-of-ten factor written as text, so conversion is a shift of the decimal point. */
export type PowerOfTen = `1e${number}`;

/** What a unit measures on its own; some only appear inside a ratio ("per share", "per day"). */
export type BaseDimension =
  | 'hashrate'
  | 'money'
  | 'work' // joules: only meaningful per unit of hashing work
  | 'power'
  | 'electricity' // kWh, an amount of energy bought
  | 'bitcoin'
  | 'percent'
  | 'count'
  | 'temperature'
  | 'time'
  | 'share';

export interface UnitEntry {
  id: string;
  dimension: BaseDimension;
  /** Canonical unit of the dimension, spelled as in METRICS.md; currencies keep their ISO code. */
  canonical: string;
  /** Multiply the stated value by this to get the canonical unit. */
  factor: PowerOfTen;
  /** Spoken or written forms after the number; English matching is case-insensitive for lower-case words. */
  aliases: { en: string[]; zh: string[] };
  /** Short form for `statedUnit`. */
  short: string;
  /** Forms too ambiguous to stand alone, valid only inside a ratio: the T in "J/T", the J in "J/TH". */
  boundAliases?: { en: string[]; zh: string[] };
  /** Forms written before the number: "$", "US$", "USD73.6 million". */
  prefixes?: string[];
  /** Forms wrapped around the number in Chinese: 攝氏55度, 百分之50. */
  circumfixes?: { before: string; after: string }[];
  /** A unit that alone means something else in a mining call: "22 to 23 joules" is an efficiency. */
  standalone?: { canonical: string; dimension: string };
  /** Words that, right after the unit, show it is an adjective: "50 bitcoin miners" is no amount of BTC. */
  notBefore?: string[];
  /** Part of a sensible efficiency (J or W per TH or GH); "gigawatts per hash" is not. */
  efficiencyTerm?: boolean;
}

const none = { en: [] as string[], zh: [] as string[] };

export const units: UnitEntry[] = [
  // --- hash rate: every spoken form of a hash is read as a rate (calls drop "per second") ---
  { id: 'hash_per_second', dimension: 'hashrate', canonical: 'TH/s', factor: '1e-12', short: 'H/s',
    aliases: { en: ['H/s', 'hashes per second', 'hash per second', 'hashes', 'hash'], zh: ['哈希/秒'] } },
  { id: 'gigahash_per_second', dimension: 'hashrate', canonical: 'TH/s', factor: '1e-3', short: 'GH/s', efficiencyTerm: true,
    aliases: { en: ['GH/s', 'Gh/s', 'GH', 'gigahash per second', 'gigahashes per second', 'gigahash', 'gigahashes'], zh: ['吉哈希/秒', '吉哈希'] } },
  { id: 'terahash_per_second', dimension: 'hashrate', canonical: 'TH/s', factor: '1e0', short: 'TH/s', efficiencyTerm: true,
    aliases: {
      en: ['TH/s', 'TH/S', 'Th/s', 'TH', 'Th', 'Thash/s', 'Thash', 'T/s', 'terahash per second', 'terahashes per second',
        'terahash/s', 'terahash', 'terahashes', 'tera hash'],
      // 太拉 is the machine translation's transliteration of tera
      zh: ['太哈希/秒', '太哈希每秒', '太哈希', '太拉哈希/秒', '太拉哈希每秒', '太拉哈希'],
    },
    boundAliases: { en: ['T'], zh: [] } },
  { id: 'petahash_per_second', dimension: 'hashrate', canonical: 'TH/s', factor: '1e3', short: 'PH/s',
    aliases: { en: ['PH/s', 'PH/S', 'Ph/s', 'PH', 'petahash per second', 'petahashes per second', 'petahash', 'petahashes'], zh: ['拍哈希/秒', '拍哈希'] },
    },
  { id: 'exahash_per_second', dimension: 'hashrate', canonical: 'TH/s', factor: '1e6', short: 'EH/s',
    aliases: { en: ['EH/s', 'EH/S', 'Eh/s', 'EH', 'exahash per second', 'exahashes per second', 'exahash/s', 'exahash', 'exahashes', 'exa hash'], zh: ['艾哈希/秒', '艾哈希'] } },
  { id: 'zettahash_per_second', dimension: 'hashrate', canonical: 'TH/s', factor: '1e9', short: 'ZH/s',
    aliases: { en: ['ZH/s', 'ZH', 'zettahash per second', 'zettahash'], zh: ['澤哈希'] } },

  // --- energy per hash ---
  { id: 'joule', dimension: 'work', canonical: 'J', factor: '1e0', short: 'J', efficiencyTerm: true,
    aliases: { en: ['joules', 'joule'], zh: ['焦耳'] }, boundAliases: { en: ['J'], zh: [] },
    standalone: { canonical: 'J/TH', dimension: 'efficiency' } },

  // --- power ---
  { id: 'watt', dimension: 'power', canonical: 'MW', factor: '1e-6', short: 'W', efficiencyTerm: true,
    aliases: { en: ['watts', 'watt'], zh: [] }, boundAliases: { en: ['W'], zh: ['瓦'] } },
  { id: 'kilowatt', dimension: 'power', canonical: 'MW', factor: '1e-3', short: 'kW',
    aliases: { en: ['kW', 'KW', 'kilowatts', 'kilowatt'], zh: ['千瓦'] } },
  { id: 'megawatt', dimension: 'power', canonical: 'MW', factor: '1e0', short: 'MW',
    aliases: { en: ['MW', 'megawatts', 'megawatt'], zh: ['兆瓦'] } },
  { id: 'gigawatt', dimension: 'power', canonical: 'MW', factor: '1e3', short: 'GW',
    // "a gig of critical IT", "1.5 gigs": power spoken
    aliases: { en: ['GW', 'gigawatts', 'gigawatt', 'gigs', 'gig'], zh: ['吉瓦', '千兆瓦'] } },

  // --- energy bought (energy price denominators) ---
  { id: 'kilowatt_hour', dimension: 'electricity', canonical: 'kWh', factor: '1e0', short: 'kWh',
    aliases: { en: ['kWh', 'KWh', 'kwh', 'kilowatt hours', 'kilowatt hour'], zh: ['千瓦時', '千瓦时'] } },
  { id: 'megawatt_hour', dimension: 'electricity', canonical: 'kWh', factor: '1e3', short: 'MWh',
    aliases: { en: ['MWh', 'MWH', 'megawatt hours', 'megawatt hour'], zh: ['兆瓦時', '兆瓦时'] } },

  // --- money: currencies are never converted into one another ---
  { id: 'us_dollar', dimension: 'money', canonical: 'USD', factor: '1e0', short: 'USD',
    aliases: { en: ['USD', 'US dollars', 'U.S. dollars', 'dollars', 'dollar'], zh: ['美元', '美金'] },
    prefixes: ['US$', 'U.S.$', 'USD', '$'] },
  { id: 'us_cent', dimension: 'money', canonical: 'USD', factor: '1e-2', short: 'cents',
    aliases: { en: ['US cents', 'U.S. cents', 'cents', 'cent', '¢'], zh: ['美分'] } },
  { id: 'renminbi', dimension: 'money', canonical: 'RMB', factor: '1e0', short: 'RMB',
    aliases: { en: ['RMB', 'CNY', 'renminbi', 'yuan'], zh: ['人民幣', '人民币'] }, prefixes: ['RMB', 'CNY'] },
  { id: 'canadian_dollar', dimension: 'money', canonical: 'CAD', factor: '1e0', short: 'CAD',
    aliases: { en: ['CAD', 'Canadian dollars', 'Canadian dollar'], zh: ['加元', '加幣', '加币'] }, prefixes: ['C$', 'CA$', 'CAD'] },
  { id: 'hong_kong_dollar', dimension: 'money', canonical: 'HKD', factor: '1e0', short: 'HKD',
    aliases: { en: ['HKD', 'Hong Kong dollars'], zh: ['港元', '港幣', '港币'] }, prefixes: ['HK$', 'HKD'] },
  { id: 'euro', dimension: 'money', canonical: 'EUR', factor: '1e0', short: 'EUR',
    aliases: { en: ['EUR', 'euros', 'euro'], zh: ['歐元', '欧元'] }, prefixes: ['€', 'EUR'] },

  // --- bitcoin ---
  { id: 'bitcoin', dimension: 'bitcoin', canonical: 'BTC', factor: '1e0', short: 'BTC',
    aliases: { en: ['BTC', 'bitcoins', 'bitcoin', 'coins', 'coin'], zh: ['個比特幣', '个比特币', '枚比特幣', '枚比特币', '比特幣', '比特币'] },
    notBefore: ['miner', 'miners', 'mining', 'network', 'price', 'prices', 'treasury', 'holdings', 'ETF', 'ETFs', 'block', 'blocks', 'address', 'addresses', 'transactions', 'reward', 'rewards'] },

  // --- percent ---
  { id: 'percent', dimension: 'percent', canonical: '%', factor: '1e0', short: '%',
    aliases: { en: ['%', 'percent', 'per cent', 'pct'], zh: ['％'] }, circumfixes: [{ before: '百分之', after: '' }] },
  { id: 'percentage_point', dimension: 'percent', canonical: '%', factor: '1e0', short: 'pp',
    aliases: { en: ['percentage points', 'percentage point'], zh: ['個百分點', '个百分点'] } },
  { id: 'basis_point', dimension: 'percent', canonical: '%', factor: '1e-2', short: 'bps',
    aliases: { en: ['basis points', 'basis point', 'bps', 'bp'], zh: ['個基點', '个基点', '基點', '基点'] } },

  // --- counts ---
  { id: 'unit_count', dimension: 'count', canonical: 'units', factor: '1e0', short: 'units',
    aliases: {
      en: ['units', 'unit', 'pieces', 'machines', 'machine', 'miners', 'miner', 'rigs', 'servers', 'heaters', 'heater', 'countries',
        'customers', 'clients', 'sites', 'employees', 'ASICs', 'GPUs', 'containers', 'facilities', 'data centers', 'locations'],
      zh: ['台', '個國家', '个国家', '個客戶', '个客户', '名員工', '名员工', '個礦場', '个矿场', '座礦場', '座矿场'],
    } },

  // --- temperature ---
  { id: 'degree_celsius', dimension: 'temperature', canonical: 'degC', factor: '1e0', short: 'degC',
    aliases: { en: ['degrees Celsius', 'degree Celsius', 'degrees centigrade', 'degrees C', '°C', '° C', '℃'], zh: ['攝氏度', '摄氏度'] },
    circumfixes: [{ before: '攝氏', after: '度' }, { before: '摄氏', after: '度' }] },

  // --- only inside ratios ---
  { id: 'day', dimension: 'time', canonical: 'day', factor: '1e0', short: 'day',
    aliases: none, boundAliases: { en: ['day', 'd'], zh: ['天', '日'] } },
  { id: 'share', dimension: 'share', canonical: 'share', factor: '1e0', short: 'share',
    aliases: none,
    boundAliases: {
      en: ['share', 'diluted share', 'basic share', 'basic and diluted share', 'fully diluted share', 'ordinary share',
        'common share', 'ADS', 'ADR', 'American depositary share'],
      zh: ['股'],
    } },
];

/**
 * A ratio of units said as "X per Y (per Z)": the canonical unit, and the extra power of ten
 * between the canonical units of the parts and the canonical ratio ({currency} is the ISO code).
 */
export interface RatioRule {
  numerator: BaseDimension;
  denominators: BaseDimension[];
  canonical: string;
  dimension: string;
  exponent: number;
}

export const ratioRules: RatioRule[] = [
  { numerator: 'money', denominators: ['hashrate'], canonical: '{currency}/(TH/s)', dimension: 'price_per_hashrate', exponent: 0 },
  // Hashprice is quoted per PH/s per day even when said per terahash: 0.045 per TH/s/day = 45 per PH/s/day.
  { numerator: 'money', denominators: ['hashrate', 'time'], canonical: '{currency}/(PH/s)/day', dimension: 'hashprice', exponent: 3 },
  { numerator: 'money', denominators: ['electricity'], canonical: '{currency}/kWh', dimension: 'energy_price', exponent: 0 },
  { numerator: 'money', denominators: ['share'], canonical: '{currency}/share', dimension: 'per_share', exponent: 0 },
  // "Revenue per bitcoin" and "cost per bitcoin" are amounts of money in METRICS.md.
  { numerator: 'money', denominators: ['bitcoin'], canonical: '{currency}', dimension: 'money', exponent: 0 },
  { numerator: 'work', denominators: ['hashrate'], canonical: 'J/TH', dimension: 'efficiency', exponent: 0 },
  // W per TH/s equals J per TH; power is canonical in MW, so a watt is 1e-6 of it.
  { numerator: 'power', denominators: ['hashrate'], canonical: 'J/TH', dimension: 'efficiency', exponent: 6 },
];

/** The dimension a unit has when it stands alone; 'number' for a bare number. */
export const standaloneDimension: Record<BaseDimension, string | null> = {
  hashrate: 'hashrate', money: 'money', work: null, power: 'power', electricity: 'energy', bitcoin: 'bitcoin',
  percent: 'percent', count: 'count', temperature: 'temperature', time: null, share: null,
};

export interface ScaleWord {
  word: string;
  exponent: number;
  language: 'en' | 'zh';
  /** Letter abbreviations ("1.2B", "$3.5k") count only when glued to the number or after a currency sign. */
  abbreviation?: boolean;
  /** "5m" is as often metres as millions: only after a currency sign ("$5m"). */
  needsCurrency?: boolean;
}

export const scaleWords: ScaleWord[] = [
  { word: 'thousand', exponent: 3, language: 'en' },
  { word: 'million', exponent: 6, language: 'en' },
  { word: 'billion', exponent: 9, language: 'en' },
  { word: 'trillion', exponent: 12, language: 'en' },
  { word: 'k', exponent: 3, language: 'en', abbreviation: true },
  { word: 'K', exponent: 3, language: 'en', abbreviation: true },
  { word: 'M', exponent: 6, language: 'en', abbreviation: true },
  { word: 'm', exponent: 6, language: 'en', abbreviation: true, needsCurrency: true },
  { word: 'mm', exponent: 6, language: 'en', abbreviation: true },
  { word: 'MM', exponent: 6, language: 'en', abbreviation: true },
  { word: 'mn', exponent: 6, language: 'en', abbreviation: true },
  { word: 'B', exponent: 9, language: 'en', abbreviation: true },
  { word: 'bn', exponent: 9, language: 'en', abbreviation: true },
  { word: 'BN', exponent: 9, language: 'en', abbreviation: true },
  { word: 'tn', exponent: 12, language: 'en', abbreviation: true },
  // 兆 is left out on purpose: 10^12 in Taiwan, 10^6 in mainland usage (兆瓦 is a megawatt).
  { word: '千', exponent: 3, language: 'zh' },
  { word: '萬', exponent: 4, language: 'zh' },
  { word: '万', exponent: 4, language: 'zh' },
  { word: '十萬', exponent: 5, language: 'zh' },
  { word: '十万', exponent: 5, language: 'zh' },
  { word: '百萬', exponent: 6, language: 'zh' },
  { word: '百万', exponent: 6, language: 'zh' },
  { word: '千萬', exponent: 7, language: 'zh' },
  { word: '千万', exponent: 7, language: 'zh' },
  { word: '億', exponent: 8, language: 'zh' },
  { word: '亿', exponent: 8, language: 'zh' },
  { word: '十億', exponent: 9, language: 'zh' },
  { word: '十亿', exponent: 9, language: 'zh' },
  { word: '百億', exponent: 10, language: 'zh' },
  { word: '百亿', exponent: 10, language: 'zh' },
  { word: '千億', exponent: 11, language: 'zh' },
  { word: '千亿', exponent: 11, language: 'zh' },
];

/** The exponent of a PowerOfTen: '1e-6' → -6. */
export function exponentOf(factor: PowerOfTen): number {
  return Number(factor.slice(2));
}
