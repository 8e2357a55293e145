// Finds the numbers of a transcript with their units, as speakers say them, and converts each to
// the canonical unit of METRICS.md. Precision first: a number in a context that is never a KPI
// (a year, a date, a model or form name, a phone instruction, a duration) yields nothing, and a
// unit that cannot be meant keeps its number but loses its unit ('unit_mismatch').
//
// One pass over the text: every regex is built once at module load from registries/units.ts and
// only looks at a bounded window around each number, so the cost is linear in the text.

import { scaleWords, units, type ScaleWord, type UnitEntry } from '../../registries/units.ts';
import { resolveUnit, type SaidUnit, type UnitPhrase } from '../normalize/units.ts';
import { scaleDecimal } from '../normalize/decimal.ts';

export type Qualifier = 'exact' | 'approximately' | 'nearly' | 'over' | 'under' | 'at_least' | 'up_to';
export type Language = 'en' | 'zh';

export interface Quantity {
  /** UTF-16 index of the number phrase: currency sign, number, scale and unit words; qualifier words stay outside. */
  start: number;
  /** Exclusive end; text.slice(start, end) === surface. */
  end: number;
  surface: string;
  /** The number as said ('7.30', 'one', 'a dozen'); a range is 'low-high' ('22-23'); a minus or "negative" gives '-'. */
  statedValue: string;
  /** Short form of the unit as said, with its scale: 'million TH/s', 'EH/s', '萬 USD', '' for a bare number. */
  statedUnit: string;
  scale: string | null;
  /** Canonical value; the low end of a range. */
  value: number;
  valueHigh: number | null;
  /** Canonical unit as spelled in METRICS.md, another currency's ISO code, or '' for a bare number. */
  unit: string;
  dimension: string;
  qualifier: Qualifier;
  /**
   * 'unit_mismatch': a unit that cannot be meant ("gigawatts per hash"); 'unit_unsupported': a ratio with no canonical unit;
   * 'non_finite': a number too large for a double (a long run of digits), which makes no mention and no fact.
   */
  flags: string[];
}

// ---------------------------------------------------------------------------------------------
// Words around numbers (data; the grammar below is generic)

const qualifierWords: Record<Exclude<Qualifier, 'exact'>, { en: string[]; zh: string[] }> = {
  approximately: {
    en: ['approximately', 'approx.', 'approx', 'around', 'about', 'roughly', 'some', 'circa', 'an estimated', 'estimated',
      'on the order of', 'in the region of', 'in the neighborhood of', 'ca.', '~'],
    zh: ['大約為', '大约为', '約為', '约为', '大約', '大约', '大概', '約', '约'],
  },
  // "just under" is read as nearly: the value is close to, and below, the number said.
  nearly: {
    en: ['nearly', 'almost', 'close to', 'closer to', 'just under', 'just shy of', 'just below', 'approaching', 'approach', 'nearing'],
    zh: ['將近', '将近', '接近', '幾乎', '几乎', '逼近', '近'],
  },
  over: {
    en: ['over', 'more than', 'above', 'exceeding', 'exceeded', 'in excess of', 'north of', 'upwards of', 'greater than',
      'higher than', 'just over', 'well over', 'well above', 'just above', 'slightly over', 'slightly above', 'beyond'],
    zh: ['超過', '超过', '逾', '多於', '多于', '高於', '高于'],
  },
  under: {
    en: ['under', 'below', 'lower than', 'less than', 'fewer than', 'south of', 'well below', 'well under', 'slightly below'],
    zh: ['不到', '少於', '少于', '低於', '低于', '不足'],
  },
  at_least: { en: ['at least', 'a minimum of', 'no less than', 'not less than', 'minimum of'], zh: ['至少', '最少'] },
  up_to: {
    en: ['up to', 'as much as', 'as high as', 'as many as', 'a maximum of', 'maximum of', 'no more than', 'at most'],
    zh: ['最多', '高達', '高达', '多達', '多达', '最高'],
  },
};

const trailingQualifiers: { pattern: RegExp; qualifier: Qualifier }[] = [
  { pattern: /[ \t]+or[ \t]+(?:more|greater|higher)(?![A-Za-z])/iy, qualifier: 'at_least' },
  { pattern: /[ \t]+or[ \t]+so(?![A-Za-z])/iy, qualifier: 'approximately' },
  { pattern: /[ \t]*(?:左右|上下)/y, qualifier: 'approximately' },
  { pattern: /[ \t]*以上/y, qualifier: 'over' },
  { pattern: /[ \t]*以下/y, qualifier: 'under' },
];

// A number right after one of these words is a label, not a quantity ("page 12", "Phase 2", "press star 1").
const labelWords = new Set([
  'page', 'pages', 'slide', 'slides', 'phase', 'section', 'item', 'items', 'rule', 'series', 'chapter', 'form', 'note',
  'notes', 'table', 'figure', 'exhibit', 'version', 'gen', 'generation', 'model', 'tier', 'stage', 'level', 'step',
  'number', 'no', 'nos', 'press', 'star', 'pound', 'dial', 'option', 'line', 'row', 'column', 'appendix', 'schedule',
  'part', 'article', 'type', 'class', 'round', 'batch', 'block', 'height', 'epoch', 'chart', 'paragraph', 'footnote',
  'day', 'week', 'month', 'year', 'quarter', 'fiscal', 'fy', 'cy', 'vol', 'volume', 'issue', 'act', 'building', 'site',
  'plant', 'room', 'hall', 'route', 'highway', 'suite', 'floor', 'unit', 'units', 'covid', 'top',
]);

// Capitalised function words that start clauses; a capitalised word outside this list right
// before a number reads as a name ("Nano 3", "Series 3").
const capitalisedFunctionWords = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'so', 'yes', 'of', 'in', 'at', 'to', 'by', 'with', 'from', 'for', 'only', 'just',
  'another', 'all', 'some', 'than', 'then', 'total', 'totaling', 'totalling', 'we', 'our', 'it', 'its', 'that', 'this',
  'these', 'those', 'also', 'plus', 'less', 'minus', 'negative', 'i', 'roughly', 'about', 'around', 'over', 'under',
  'nearly', 'approximately', 'almost', 'above', 'below', 'exceeding', 'was', 'were', 'is', 'are', 'be', 'reached',
  'reaching', 'another', 'additional', 'additionally', 'until', 'since', 'after', 'before', 'during', 'first', 'second',
  'third', 'fourth', 'finally', 'now', 'today', 'currently', 'approx', 'circa', 'up', 'down', 'into', 'like', 'ok', 'okay',
]);

const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
];
const monthNameSet = new Set(monthNames);

// A change "from X to Y" or "grew 5% to 55%" is two values, never one range.
const changeWords = new Set([
  'from', 'by', 'increased', 'decreased', 'grew', 'rose', 'fell', 'declined', 'dropped', 'jumped', 'climbed', 'improved',
  'reduced', 'raised', 'lowered', 'cut', 'went', 'moved', 'expanded', 'increase', 'decrease', 'increasing', 'decreasing',
  'growing', 'rising', 'falling', 'up', 'down', 'narrowed', 'widened',
]);

// Words that may stand between a number and a count noun: "6,000 A14 series miners".
const notModifiers = new Set([
  'of', 'the', 'a', 'an', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'and', 'or', 'per', 'our', 'their', 'its',
  'his', 'her', 'were', 'was', 'is', 'are', 'be', 'been', 'that', 'which', 'who', 'as', 'than', 'into', 'across', 'over',
  'under', 'about', 'each', 'every', 'those', 'these', 'this', 'we', 'they', 'it', 'you', 'if', 'when', 'while', 'but',
  'not', 'no', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'do', 'did', 'does',
  'during', 'through', 'since', 'until', 'after', 'before', 'within', 'last', 'next', 'this', 'that',
]);

const smallNumbers: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const tensNumbers: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

// ---------------------------------------------------------------------------------------------
// Regexes, built once

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (words: string[]) =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
const spaces = '[ \\t\\u00a0]';

interface TableHit<T> {
  value: T;
  said: string;
  end: number;
}

/** Sticky matchers over a list of aliases: whole words case-insensitive, symbols exact, longest wins. */
class AliasTable<T> {
  private readonly insensitive: RegExp | null;
  private readonly sensitive: RegExp | null;
  private readonly lookup = new Map<string, T>();

  constructor(items: { alias: string; value: T; caseInsensitive: boolean }[]) {
    const patternOf = (alias: string) => {
      const body = alias.split(/\s+/).map(escapeRegex).join('[\\s\\-]+');
      return /[A-Za-z0-9]$/.test(alias) ? `${body}(?![A-Za-z0-9])` : body;
    };
    const build = (list: { alias: string }[], flags: string) => list.length === 0 ? null : new RegExp(
      `(?:${[...list].sort((a, b) => b.alias.length - a.alias.length).map((item) => patternOf(item.alias)).join('|')})`, flags);
    const insensitiveItems = items.filter((item) => item.caseInsensitive);
    const sensitiveItems = items.filter((item) => !item.caseInsensitive);
    for (const item of items) this.lookup.set(AliasTable.key(item.alias, item.caseInsensitive), item.value);
    this.insensitive = build(insensitiveItems, 'iy');
    this.sensitive = build(sensitiveItems, 'y');
  }

  private static key(said: string, caseInsensitive: boolean): string {
    const normal = said.replace(/[\s-]+/g, ' ');
    return caseInsensitive ? `i:${normal.toLowerCase()}` : `s:${normal}`;
  }

  match(text: string, position: number): TableHit<T> | null {
    let best: TableHit<T> | null = null;
    for (const [regex, caseInsensitive] of [[this.insensitive, true], [this.sensitive, false]] as const) {
      if (!regex) continue;
      regex.lastIndex = position;
      const found = regex.exec(text);
      if (!found || found[0].length === 0) continue;
      const value = this.lookup.get(AliasTable.key(found[0], caseInsensitive));
      if (value === undefined) continue;
      if (!best || found[0].length > best.said.length) best = { value, said: found[0], end: position + found[0].length };
    }
    return best;
  }
}

const isWordAlias = (alias: string) => /^[A-Za-z][A-Za-z .]*$/.test(alias) && alias.length >= 4 && /[a-z]/.test(alias);

interface UnitAlias {
  entry: UnitEntry;
  bound: boolean;
  /** A spelled-out word, which may follow a hyphen ("285-megawatt site"). */
  word: boolean;
}

function unitTable(language: Language): AliasTable<UnitAlias> {
  const items: { alias: string; value: UnitAlias; caseInsensitive: boolean }[] = [];
  const languages: Language[] = language === 'zh' ? ['zh', 'en'] : ['en'];
  for (const entry of units) {
    for (const lang of languages) {
      for (const alias of entry.aliases[lang]) {
        items.push({ alias, value: { entry, bound: false, word: isWordAlias(alias) }, caseInsensitive: isWordAlias(alias) });
      }
      for (const alias of entry.boundAliases?.[lang] ?? []) {
        items.push({ alias, value: { entry, bound: true, word: isWordAlias(alias) }, caseInsensitive: isWordAlias(alias) });
      }
    }
  }
  return new AliasTable(items);
}

function scaleTable(language: Language): AliasTable<ScaleWord> {
  return new AliasTable(scaleWords
    .filter((scale) => scale.language === 'en' || language === 'zh')
    .map((scale) => ({ alias: scale.word, value: scale, caseInsensitive: !scale.abbreviation && scale.language === 'en' })));
}

const unitTables: Record<Language, AliasTable<UnitAlias>> = { en: unitTable('en'), zh: unitTable('zh') };
const scaleTables: Record<Language, AliasTable<ScaleWord>> = { en: scaleTable('en'), zh: scaleTable('zh') };

const currencyPrefixes = units.flatMap((entry) => (entry.prefixes ?? []).map((prefix) => ({ prefix, entry })));
const currencyPrefixPattern = new RegExp(
  `(?<![A-Za-z])(${alternation(currencyPrefixes.map((item) => item.prefix))})${spaces}?$`);
const currencyByPrefix = new Map(currencyPrefixes.map((item) => [item.prefix, item.entry]));

const circumfixes = units.flatMap((entry) => (entry.circumfixes ?? []).map((circumfix) => ({ ...circumfix, entry })));
const circumfixPattern = circumfixes.length === 0 ? null
  : new RegExp(`(${alternation(circumfixes.map((item) => item.before))})${spaces}*$`);

const qualifierByWord = new Map<string, Qualifier>();
for (const [qualifier, words] of Object.entries(qualifierWords) as [Qualifier, { en: string[]; zh: string[] }][]) {
  for (const word of [...words.en, ...words.zh]) qualifierByWord.set(word.toLowerCase(), qualifier);
}
const englishQualifiers = Object.values(qualifierWords).flatMap((words) => words.en);
const chineseQualifiers = Object.values(qualifierWords).flatMap((words) => words.zh);
const qualifierPattern = new RegExp(
  `(?:(?<![A-Za-z])(${alternation(englishQualifiers).replace(/ /g, `${spaces}+`)})|(${alternation(chineseQualifiers)}))${spaces}*$`, 'i');

const denominatorDimensions = new Set(['hashrate', 'electricity', 'share', 'time', 'bitcoin', 'power', 'count']);
const ratioNumeratorDimensions = new Set(['money', 'work', 'power']);

// Chinese puts "per X" before the number: 每股 0.05 美元, 每 terahash 16.8 焦耳.
const chineseDenominatorAliases = units
  .filter((entry) => denominatorDimensions.has(entry.dimension))
  .flatMap((entry) => [...entry.aliases.zh, ...(entry.boundAliases?.zh ?? []), ...entry.aliases.en.filter(isWordAlias), ...(entry.boundAliases?.en ?? []).filter(isWordAlias)]
    .map((alias) => ({ alias, entry })));
const chinesePerPrefixPattern = new RegExp(
  `每${spaces}*(${alternation(chineseDenominatorAliases.map((item) => item.alias))})${spaces}*(?:每秒${spaces}*)?$`, 'i');
const chineseDenominatorByAlias = new Map(chineseDenominatorAliases.map((item) => [item.alias.toLowerCase(), item.entry]));

const wordBelowHundred = `(?:(?:${Object.keys(tensNumbers).join('|')})(?:[ -](?:${Object.keys(smallNumbers).slice(0, 9).join('|')}))?|${Object.keys(smallNumbers).sort((a, b) => b.length - a.length).join('|')})`;
const wordScaleAhead = `(?=${spaces}+(?:thousand|million|billion|trillion)(?![A-Za-z]))`;
const wordNumber = [
  `a${spaces}+dozen`,
  `half${spaces}+a${wordScaleAhead}`,
  `(?:a|one|two|three|four|five|six|seven|eight|nine)${spaces}+hundred(?:${spaces}+(?:and${spaces}+)?${wordBelowHundred})?`,
  wordBelowHundred,
  `a${wordScaleAhead}`,
  // "a gig of critical IT": one gigawatt, as power is spoken ("a gig in Austin" is no power)
  `a(?=${spaces}+gig${spaces}+of${spaces})`,
].join('|');
const numberPattern = new RegExp(
  `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)|(?<![A-Za-z0-9\\-])(${wordNumber})(?![A-Za-z])`, 'gi');

const prevWordPattern = /([A-Za-z][A-Za-z0-9'’-]*)(\.?)[ \t\u00a0]+$/;
const sentenceStartBefore = /(?:^|[.!?;:…•·(\[“"‘'—–\-\n]|^\s*)[ \t\u00a0“"‘']*$/;
const glueBreak = /[ \t\u00a0]+/y;
const plusPattern = /(?:-plus|\+)(?![A-Za-z0-9])/iy;
const hyphen = /-(?=[A-Za-z])/y;
const perPattern = /[ \t\u00a0]*(?:\/|per(?![A-Za-z])|an?(?![A-Za-z])|每)[ \t\u00a0]*/iy;
const perSecondPattern = /[ \t\u00a0]*(?:per[ \t\u00a0]+second|\/s(?:ec)?)(?![A-Za-z])/iy;
const rangeConnector = /[ \t\u00a0]*(to|through|and|or|-|–|—|~|至|到)(?![A-Za-z])[ \t\u00a0]*/iy;
// "anywhere from 10% to 15%" is a range, unlike a change "from X to Y".
const rangeFrom = /(?:anywhere|ranging|ranges?|somewhere)[ \t\u00a0]+from[ \t\u00a0]*$/i;
const modifierToken = /[ \t\u00a0]+([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)/y;
const modelNumberToken = /[ \t\u00a0]+(\d{1,4}[A-Za-z]{0,3})(?![\d.,%])/y;
/** words a count noun may follow when they read as a model's name (capitalized or with digits) */
const modelWordsMax = 5;
const wordAfter = /[ \t\u00a0]+([A-Za-z]+)/y;
const durationAfter = /(?:[ \t\u00a0]*|-)(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|quarters?|decades?|nights?)(?![A-Za-z])/iy;
const chineseDateOrDuration = /[ \t\u00a0]*(?:年|個月|个月|月|日|號|号|天|週|周|小時|小时|分鐘|分钟|個季度|个季度|季度|季|歲|岁|點|点|倍)/y;
const timeOfDayAfter = /[ \t\u00a0]*(?:a\.m\.|p\.m\.|am|pm|o'clock)(?![A-Za-z])/iy;
const keypadAfter = /[ \t\u00a0]+on[ \t\u00a0]+your[ \t\u00a0]+(?:telephone[ \t\u00a0]+|touch-?tone[ \t\u00a0]+|phone[ \t\u00a0]+)?key ?pad/iy;
const monthAfter = new RegExp(`[ \\t\\u00a0]+(?:${monthNames.join('|')})(?![A-Za-z])`, 'y');
const phoneBefore = /(?:[*#]|(?<![A-Za-z])(?:press|dial|star|pound))[ \t\u00a0]*$/i;
const ordinalAfter = /(?:st|nd|rd|th)(?![A-Za-z])/y;

// ---------------------------------------------------------------------------------------------
// Parsing one number phrase

interface Phrase {
  start: number;
  end: number;
  /** Start of the qualifier words, or `start`. */
  phraseStart: number;
  statedValue: string;
  /** The number as a plain decimal string ('7.30', '12', '0.5'), signed. */
  decimal: string;
  scale: TableHit<ScaleWord> | null;
  numerator: SaidUnit | null;
  hasCurrency: boolean;
  denominators: SaidUnit[];
  qualifier: Qualifier;
  /** The lower-cased word before the phrase (before qualifier words). */
  wordBefore: string;
  /** A spelled-out number with no unit ("one of the") is no quantity unless a range gives it one ("two or three sites"). */
  needsUnit: boolean;
}

type Parse = { phrase: Phrase } | { excluded: 'label' | 'duration' };

const excluded = (reason: 'label' | 'duration' = 'label'): Parse => ({ excluded: reason });

function wordNumberValue(words: string): string {
  const normal = words.toLowerCase().replace(/[\s-]+/g, ' ').trim();
  if (normal === 'a dozen') return '12';
  if (normal === 'half a') return '0.5';
  if (normal === 'a') return '1';
  let total = 0;
  let current = 0;
  for (const word of normal.split(' ')) {
    if (word === 'a') current = 1;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word in smallNumbers) current += smallNumbers[word];
    else if (word in tensNumbers) current += tensNumbers[word];
  }
  total += current;
  return String(total);
}

function lastMatch(pattern: RegExp, text: string, end: number, window = 48): RegExpExecArray | null {
  const from = Math.max(0, end - window);
  const found = pattern.exec(text.slice(from, end));
  if (found) found.index += from;
  return found;
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z]/.test(char);
}

/** Reads unit words at `position`: a unit, maybe glued, after spaces, or after a hyphen when spelled out. */
function readUnit(text: string, position: number, language: Language): TableHit<UnitAlias> | null {
  const table = unitTables[language];
  const glued = table.match(text, position);
  if (glued) return glued;
  glueBreak.lastIndex = position;
  if (glueBreak.exec(text)) {
    const spaced = table.match(text, glueBreak.lastIndex);
    if (spaced) return spaced;
  }
  hyphen.lastIndex = position;
  if (hyphen.exec(text)) {
    const hyphenated = table.match(text, position + 1);
    if (hyphenated?.value.word) return hyphenated;
  }
  return null;
}

function readScale(text: string, position: number, language: Language, hasCurrency: boolean): TableHit<ScaleWord> | null {
  const table = scaleTables[language];
  const allowed = (hit: TableHit<ScaleWord> | null, spaced: boolean) =>
    hit && (!hit.value.abbreviation || ((!spaced || hasCurrency) && (!hit.value.needsCurrency || hasCurrency))) ? hit : null;
  const glued = allowed(table.match(text, position), false);
  if (glued) return glued;
  glueBreak.lastIndex = position;
  if (!glueBreak.exec(text)) return null;
  return allowed(table.match(text, glueBreak.lastIndex), true);
}

/** A unit that is really an adjective ("50 bitcoin miners") is no unit. */
function usableUnit(text: string, hit: TableHit<UnitAlias> | null): TableHit<UnitAlias> | null {
  if (!hit) return null;
  const { notBefore } = hit.value.entry;
  if (notBefore) {
    wordAfter.lastIndex = hit.end;
    const next = wordAfter.exec(text);
    if (next && notBefore.some((word) => word.toLowerCase() === next[1].toLowerCase())) return null;
  }
  return hit;
}

function readDenominators(text: string, position: number, language: Language): { parts: SaidUnit[]; end: number } {
  const parts: SaidUnit[] = [];
  let end = position;
  while (parts.length < 3) {
    perPattern.lastIndex = end;
    const per = perPattern.exec(text);
    if (!per) break;
    const hit = unitTables[language].match(text, perPattern.lastIndex);
    if (!hit || !denominatorDimensions.has(hit.value.entry.dimension)) break;
    let said = hit.said;
    let next = hit.end;
    if (hit.value.entry.dimension === 'hashrate') {
      perSecondPattern.lastIndex = next;
      const perSecond = perSecondPattern.exec(text);
      if (perSecond) {
        said = text.slice(perPattern.lastIndex, perSecondPattern.lastIndex);
        next = perSecondPattern.lastIndex;
      }
    }
    parts.push({ entry: hit.value.entry, said });
    end = next;
  }
  return { parts, end };
}

function parseAt(text: string, found: RegExpExecArray, language: Language, asRangeEnd: boolean): Parse {
  const digits = found[1];
  const words = found[2];
  const numberStart = found.index;
  const numberEnd = numberStart + found[0].length;
  const before = text[numberStart - 1];
  const after = text[numberEnd];

  // --- left of the number ---
  let start = numberStart;
  let negative = false;
  let hasCurrency = false;
  let numerator: SaidUnit | null = null;
  const denominators: SaidUnit[] = [];

  if (digits !== undefined) {
    // the Chinese side writes ASCII commas between clauses too ("中東,16%"): after a Chinese character one is no digit group
    const clauseComma = language === 'zh' && before === ',' && /[\u3400-\u9fff]/.test(text[numberStart - 2] ?? '');
    if (before !== undefined && /[0-9.,'’/:#*_@]/.test(before) && !clauseComma) return excluded();
    if (before === '-' && /[A-Za-z0-9]/.test(text[numberStart - 2] ?? '') && !asRangeEnd) return excluded();
    if (after !== undefined && /[.,:/]/.test(after) && /\d/.test(text[numberEnd + 1] ?? '')) return excluded();
  }
  if (/[-−]/.test(text[start - 1] ?? '') && /^$|[\s(\[]/.test(text[start - 2] ?? '') && !asRangeEnd) {
    negative = true;
    start -= 1;
  }
  let currencyUnit: SaidUnit | null = null;
  const currency = lastMatch(currencyPrefixPattern, text, start, 12);
  if (currency) {
    const entry = currencyByPrefix.get(currency[1]);
    if (entry) {
      hasCurrency = true;
      currencyUnit = { entry, said: currency[1] };
      numerator = currencyUnit;
      start = currency.index + currency[0].indexOf(currency[1]);
    }
  }
  if (!negative && /[-−]/.test(text[start - 1] ?? '') && /^$|[\s(\[]/.test(text[start - 2] ?? '') && start !== numberStart) {
    negative = true;
    start -= 1;
  }
  if (digits !== undefined && !hasCurrency && isLetter(before)) return excluded();

  const startBeforeCircumfix = start;
  let circumfix: (typeof circumfixes)[number] | null = null;
  if (circumfixPattern && !hasCurrency) {
    const wrap = lastMatch(circumfixPattern, text, start, 8);
    const candidate = wrap ? circumfixes.find((item) => item.before === wrap[1]) : undefined;
    if (wrap && candidate) {
      circumfix = candidate;
      start = wrap.index;
    }
  }
  const startWithoutPrefix = start;
  let perPrefix: SaidUnit | null = null;
  if (language === 'zh') {
    const prefixMatch = lastMatch(chinesePerPrefixPattern, text, start, 24);
    const entry = prefixMatch ? chineseDenominatorByAlias.get(prefixMatch[1].toLowerCase()) : undefined;
    if (prefixMatch && entry) {
      perPrefix = { entry, said: prefixMatch[1] };
      start = prefixMatch.index;
    }
  }

  let phraseStart = start;
  let qualifier: Qualifier = 'exact';
  const negativeWord = lastMatch(/(?<![A-Za-z])(?:negative|minus)[ \t\u00a0]+$/i, text, phraseStart, 16);
  if (negativeWord) {
    negative = true;
    phraseStart = negativeWord.index;
  }
  const qualifierMatch = lastMatch(qualifierPattern, text, phraseStart, 32);
  if (qualifierMatch) {
    const said = (qualifierMatch[1] ?? qualifierMatch[2]).toLowerCase().replace(/[ \t\u00a0]+/g, ' ');
    qualifier = qualifierByWord.get(said) ?? 'exact';
    phraseStart = qualifierMatch.index + qualifierMatch[0].indexOf(qualifierMatch[1] ?? qualifierMatch[2]);
  }

  // Labels and phone instructions: "Nano 3", "page 12", "press star 1", "Form 20-F", "第 3".
  if (!asRangeEnd) {
    if (lastMatch(phoneBefore, text, start, 16)) return excluded();
    if (/第[ \t\u00a0]*$/.test(text.slice(Math.max(0, start - 3), start))) return excluded();
    const previous = lastMatch(prevWordPattern, text, start, 40);
    if (previous && !qualifierMatch && !negativeWord) {
      const word = previous[1];
      const lower = word.toLowerCase();
      if (labelWords.has(lower.replace(/['’]s$/, ''))) return excluded();
      if (monthNameSet.has(word)) return excluded();
      const acronym = word.length >= 3 && word === word.toUpperCase() && !/\d/.test(word);
      if (!hasCurrency && /^[A-Z]/.test(word) && !capitalisedFunctionWords.has(lower) && !acronym &&
          !sentenceStartBefore.test(text.slice(Math.max(0, previous.index - 4), previous.index))) {
        return excluded();
      }
    }
  }

  // --- right of the number ---
  let end = numberEnd;
  if (digits !== undefined) {
    ordinalAfter.lastIndex = end;
    if (ordinalAfter.exec(text)) return excluded();
  }
  plusPattern.lastIndex = end;
  if (plusPattern.exec(text)) {
    qualifier = 'over';
    end = plusPattern.lastIndex;
  }

  let scale: TableHit<ScaleWord> | null = null;
  let unit: TableHit<UnitAlias> | null = null;
  if (circumfix) {
    const gap = /^[ \t\u00a0]*/.exec(text.slice(end, end + 8))?.[0].length ?? 0;
    const entryAlias = { entry: circumfix.entry, bound: false, word: false };
    if (circumfix.after === '') unit = { value: entryAlias, said: circumfix.before, end };
    else if (text.startsWith(circumfix.after, end + gap)) {
      unit = { value: entryAlias, said: `${circumfix.before}${circumfix.after}`, end: end + gap + circumfix.after.length };
    } else start = startBeforeCircumfix;
  }
  if (!unit) {
    // "10MW" is megawatts, not 10 million watts: a unit read at once wins ties with scale + unit.
    const direct = usableUnit(text, readUnit(text, end, language));
    const scaleHit = readScale(text, end, language, hasCurrency);
    const scaled = scaleHit ? usableUnit(text, readUnit(text, scaleHit.end, language)) : null;
    const scaledEnd = scaled ? scaled.end : scaleHit ? scaleHit.end : -1;
    if (direct && direct.end >= scaledEnd) {
      unit = direct;
    } else if (scaleHit) {
      scale = scaleHit;
      unit = scaled;
      plusPattern.lastIndex = scale.end;
      if (plusPattern.exec(text)) qualifier = 'over';
    }
  }
  // A currency said before the number decides the unit; another unit after it belongs to something else.
  if (unit && hasCurrency && unit.value.entry.dimension !== 'money') unit = null;
  if (unit) numerator = { entry: unit.value.entry, said: unit.said };
  let tail = unit ? unit.end : scale ? scale.end : end;

  // Count nouns after a few modifiers: "6,000 A14 series miners", "10,000 new machines"; a model's
  // name may take more words ("18,000 Antminer S21 XP Hydro machines", "10,000 Nano 3 heaters")
  if (!numerator && language === 'en') {
    let cursor = tail;
    let modelLike = true;
    for (let step = 0; step <= modelWordsMax; step += 1) {
      glueBreak.lastIndex = cursor;
      if (!glueBreak.exec(text)) break;
      const hit = unitTables.en.match(text, glueBreak.lastIndex);
      if (hit) {
        if (step > 0 && hit.value.entry.dimension === 'count' && !hit.value.bound) {
          numerator = { entry: hit.value.entry, said: hit.said };
          tail = hit.end;
        }
        break;
      }
      modifierToken.lastIndex = cursor;
      let token = modifierToken.exec(text);
      // a number within a model's name ("Nano 3"), after a word of it
      if (!token && step > 0 && modelLike) {
        modelNumberToken.lastIndex = cursor;
        token = modelNumberToken.exec(text);
      }
      if (!token || notModifiers.has(token[1].toLowerCase())) break;
      // a model's name opens with a capital or a digit; words after it may be lowercase ("Falcon K7 Pro hydro machines")
      if (step === 0) modelLike = /^[A-Z]|\d/.test(token[1]);
      if (step >= (modelLike ? modelWordsMax : 3)) break;
      cursor = token.index + token[0].length;
    }
  }

  if (numerator && ratioNumeratorDimensions.has(numerator.entry.dimension)) {
    const ratio = readDenominators(text, tail, language);
    denominators.push(...ratio.parts);
    tail = ratio.end;
    if (perPrefix && denominators.length === 0) denominators.push(perPrefix);
    else if (perPrefix) start = startWithoutPrefix;
  } else if (perPrefix) {
    start = startWithoutPrefix;
    if (!qualifierMatch && !negativeWord) phraseStart = start;
  }
  // "J", "W", "T" are units only with their "per" part: "16.8 J/T".
  if (unit?.value.bound && denominators.length === 0) {
    numerator = hasCurrency ? currencyUnit : null;
    tail = scale ? scale.end : end;
  }

  if (digits !== undefined && tail === end && /^-?[A-Za-z]/.test(text.slice(end, end + 2))) return excluded();
  // --- what the number cannot be ---
  if (!numerator) {
    for (const pattern of [timeOfDayAfter, keypadAfter, monthAfter]) {
      pattern.lastIndex = end;
      if (pattern.exec(text)) return excluded();
    }
    durationAfter.lastIndex = scale ? scale.end : end;
    if (durationAfter.exec(text)) return excluded('duration');
    let cursor = end;
    for (let step = 0; step < 2; step += 1) {
      modifierToken.lastIndex = cursor;
      const token = modifierToken.exec(text);
      if (!token || notModifiers.has(token[1].toLowerCase())) break;
      cursor = modifierToken.lastIndex;
      durationAfter.lastIndex = cursor;
      if (durationAfter.exec(text)) return excluded('duration');
    }
    chineseDateOrDuration.lastIndex = scale ? scale.end : end;
    if (!scale && chineseDateOrDuration.exec(text)) return excluded('duration');
    // A year is written without a thousands separator: "2024" is a year, "2,024" a count.
    if (digits !== undefined && !scale && !hasCurrency && /^\d{4}$/.test(digits) && Number(digits) >= 1900 && Number(digits) <= 2100) return excluded();
  }

  for (const trailing of trailingQualifiers) {
    trailing.pattern.lastIndex = tail;
    if (trailing.pattern.exec(text)) {
      qualifier = trailing.qualifier;
      break;
    }
  }

  const wordBeforeMatch = lastMatch(/([A-Za-z]+|從|从)[ \t\u00a0]*$/, text, phraseStart, 24);
  const stated = digits ?? words ?? '';
  const decimal = digits !== undefined ? digits.replace(/,/g, '') : wordNumberValue(words ?? '');
  return {
    phrase: {
      start,
      end: tail,
      phraseStart,
      statedValue: negative ? `-${stated}` : stated,
      decimal: negative ? `-${decimal}` : decimal,
      scale,
      numerator,
      hasCurrency,
      denominators,
      qualifier,
      wordBefore: wordBeforeMatch ? wordBeforeMatch[1].toLowerCase() : '',
      needsUnit: words !== undefined && numerator === null,
    },
  };
}

function unitPhraseOf(phrase: Phrase): UnitPhrase {
  return { scale: phrase.scale?.value ?? null, numerator: phrase.numerator, denominators: phrase.denominators };
}

function toQuantity(text: string, low: Phrase, high: Phrase | null): Quantity {
  const lowResolved = resolveUnit(unitPhraseOf(low));
  const highResolved = high ? resolveUnit(unitPhraseOf(high)) : null;
  const end = high ? high.end : low.end;
  const value = scaleDecimal(low.decimal, lowResolved.exponent);
  const valueHigh = high && highResolved ? scaleDecimal(high.decimal, highResolved.exponent) : null;
  const finite = Number.isFinite(value) && (valueHigh === null || Number.isFinite(valueHigh));
  return {
    start: low.start,
    end,
    surface: text.slice(low.start, end),
    statedValue: high ? `${low.statedValue}-${high.statedValue}` : low.statedValue,
    statedUnit: lowResolved.statedUnit,
    scale: (high ?? low).scale?.said ?? null,
    value,
    valueHigh,
    unit: lowResolved.unit,
    dimension: lowResolved.dimension,
    qualifier: low.qualifier,
    flags: finite ? lowResolved.flags : [...lowResolved.flags, 'non_finite'],
  };
}

const isBare = (phrase: Phrase) => phrase.numerator === null && phrase.denominators.length === 0;

/** The low end of a range takes the unit of the high end when said once: "22 to 23 joules", "$27 to $30 million". */
function mergeRange(low: Phrase, high: Phrase): Phrase | null {
  const sameUnit = (a: Phrase, b: Phrase) => {
    const left = resolveUnit({ ...unitPhraseOf(a), scale: null });
    const right = resolveUnit({ ...unitPhraseOf(b), scale: null });
    return left.unit === right.unit && left.dimension === right.dimension && left.flags.join() === right.flags.join();
  };
  if (isBare(low) && !isBare(high)) {
    return { ...low, numerator: high.numerator, denominators: high.denominators, scale: low.scale ?? high.scale, needsUnit: false };
  }
  if (isBare(low) && isBare(high)) return low.needsUnit || high.needsUnit ? null : { ...low, scale: low.scale ?? high.scale };
  if (!isBare(high) && sameUnit(low, high)) {
    return low.scale || !high.scale ? low : { ...low, scale: high.scale };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/** Every quantity of `text` in order; never throws. `language` is the language of the line. */
export function extractQuantities(text: string, language: Language): Quantity[] {
  const quantities: Quantity[] = [];
  const found: RegExpExecArray[] = [];
  const pattern = new RegExp(numberPattern.source, numberPattern.flags);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    if (match[0].length === 0) pattern.lastIndex += 1;
  }

  let consumedUntil = 0;
  for (let index = 0; index < found.length; index += 1) {
    const match = found[index];
    if (match.index < consumedUntil) continue;
    const parsed = parseAt(text, match, language, false);
    if ('excluded' in parsed) continue;
    let low = parsed.phrase;
    let high: Phrase | null = null;

    rangeConnector.lastIndex = low.end;
    const connector = rangeConnector.exec(text);
    const next = found[index + 1];
    if (connector && next) {
      const word = connector[1].toLowerCase();
      const between = low.wordBefore === 'between' || rangeFrom.test(text.slice(Math.max(0, low.phraseStart - 24), low.phraseStart));
      const allowed = (word !== 'and' || between) && (word !== 'or' || isBare(low)) &&
        (between || !changeWords.has(low.wordBefore) && low.wordBefore !== '從' && low.wordBefore !== '从');
      const nextParsed = allowed ? parseAt(text, next, language, true) : null;
      if (nextParsed && 'excluded' in nextParsed && nextParsed.excluded === 'duration') continue;
      if (nextParsed && 'phrase' in nextParsed && nextParsed.phrase.phraseStart === rangeConnector.lastIndex) {
        const merged = mergeRange(low, nextParsed.phrase);
        if (merged) {
          const candidate = toQuantity(text, merged, nextParsed.phrase);
          if (candidate.valueHigh !== null && candidate.value <= candidate.valueHigh) {
            low = merged;
            high = nextParsed.phrase;
          }
        }
      }
    }
    if (low.needsUnit && !high) continue;
    const quantity = toQuantity(text, low, high);
    // a currency prefix may reach back into the phrase before ("°C$0"): phrases never overlap
    if (quantity.start < consumedUntil) continue;
    quantities.push(quantity);
    consumedUntil = quantity.end;
  }
  return quantities;
}
