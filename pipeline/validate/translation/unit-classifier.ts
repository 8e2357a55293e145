import { units } from '../../../registries/units.ts';
import { englishMatcher, type TranslationPair } from './pair.ts';

/** A Chinese measure word that says what is counted, and what in the English it fits. */
export interface MeasureWord {
  zh: string[];
  counts: string;
  /** characters that, right after it, make it part of another word (人民幣, 位於) */
  notBefore: string[];
  /** canonical English units it fits */
  fitsUnits: string[];
  /** English nouns it fits, anywhere in the sentence of the number */
  fitsEnglish: string[];
}

export interface UnitWords {
  measureWords: readonly MeasureWord[];
  unitDroppedBefore: readonly string[];
  percentWords: readonly string[];
}

const nounMatchers = new WeakMap<MeasureWord, RegExp | null>();
function fitsEnglish(word: MeasureWord, sentence: string): boolean {
  if (!nounMatchers.has(word)) nounMatchers.set(word, englishMatcher(word.fitsEnglish));
  const matcher = nounMatchers.get(word)!;
  if (!matcher) return false;
  matcher.lastIndex = 0;
  return matcher.test(sentence);
}

/** The measure word right after the Chinese number, or ending its phrase ("98 台"), with the words that show it. */
function measureWordOf(pair: TranslationPair, words: readonly MeasureWord[]): { word: MeasureWord; said: string; phrase: string } | null {
  const last = pair.zh.surface.slice(-1);
  const inSurface = words.find((w) => w.zh.includes(last) && !w.notBefore.includes(pair.zhAfter[0] ?? ''));
  if (inSurface) return { word: inSurface, said: last, phrase: pair.zh.surface };
  const after = /^\s*(?:多|餘|余)?\s*(\S)(\S?)/u.exec(pair.zhAfter);
  if (!after) return null;
  const word = words.find((w) => w.zh.includes(after[1]) && !w.notBefore.includes(after[2]));
  return word ? { word, said: after[1], phrase: `${pair.zh.surface}${pair.zhAfter.slice(0, after[0].length - after[2].length)}` } : null;
}

/** "every … per terahash": the Chinese says the English ratio's "per" part before the number (每太哈希 15 美元). */
function saysPerPart(pair: TranslationPair, englishUnit: string): boolean {
  const per = englishUnit.slice(englishUnit.indexOf('/') + 1);
  const denominator = per.startsWith('(') ? per.slice(1, per.indexOf(')')) : per.split('/')[0];
  const dimensions = new Set(units.filter((u) => u.canonical === denominator || u.short === denominator).map((u) => u.dimension));
  const aliases = units
    .filter((u) => dimensions.has(u.dimension))
    .flatMap((u) => [...u.aliases.zh, ...u.aliases.en, ...(u.boundAliases?.zh ?? [])]);
  return aliases.some((alias) => new RegExp(`每\\s*(?:秒\\s*每\\s*)?${alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`, 'i').test(pair.zhClause));
}

/**
 * The Chinese unit or measure word against the English unit: a measure word that counts something
 * else (bitcoins as 人, people), another unit, a ratio without its "per" part, or a unit dropped.
 */
export function compareUnit(pair: TranslationPair, words: UnitWords): string | null {
  const { en, zh } = pair;
  const measure = measureWordOf(pair, words.measureWords);
  if (measure && !measure.word.fitsUnits.includes(en.unit) && !fitsEnglish(measure.word, pair.enSentence)) {
    const context = en.unit === '' && pair.enUnitBefore ? `; the English around it counts ${pair.enUnitBefore.unit} ("${pair.enUnitBefore.surface}")` : '';
    const counts = en.unit ? ` (${en.unit})` : '';
    return `The Chinese "${measure.phrase.trim()}" counts with ${measure.said}, the measure word for ${measure.word.counts}, but the English "${en.surface}"${counts} does not count ${measure.word.counts}${context}.`;
  }
  if (en.unit === '') return null;
  if (zh.unit !== '' && zh.unit !== en.unit) {
    if (zh.unit.startsWith(`${en.unit}/`)) return null; // the Chinese kept a "per" part the English said elsewhere in its sentence
    if (en.unit.startsWith(`${zh.unit}/`)) {
      if (saysPerPart(pair, en.unit)) return null;
      return `The English "${en.surface}" is in ${en.unit}, but the Chinese "${zh.surface}" is in ${zh.unit}: the "per" part (每…) is lost.`;
    }
    return `The English "${en.surface}" is in ${en.unit}, but the Chinese "${zh.surface}" is in ${zh.unit}.`;
  }
  // a unit said that the extractor could not resolve (每天 53 美元) is no dropped unit
  if (zh.unit === '' && zh.stated_unit.replace(zh.scale ?? '', '').trim() === '') {
    const after = pair.zhAfter.trimStart();
    if (en.unit === '%' && words.percentWords.some((w) => after.startsWith(w))) return null;
    if (after === '' || words.unitDroppedBefore.some((w) => after.startsWith(w))) {
      return `The English "${en.surface}" is in ${en.unit}, but the Chinese "${zh.surface}" is a bare number: the unit is dropped.`;
    }
  }
  return null;
}
