import { units } from '../../../registries/units.ts';
import { sayValue } from '../checks/issue-wording.ts';
import type { Mention, TranslationPair } from './pair.ts';

/** A character that is a number scale or a unit prefix, read differently by different readers. */
export interface AmbiguousPrefix {
  zh: string;
  readings: { name: string; exponent: number; as: string }[];
  /** words where the prefix has one reading only; the document's own uses are named in the sentence */
  settled: string[];
  /** unit stems the prefix may stand before: the canonical unit and the power of ten from the stem to it */
  stems: { zh: string[]; canonical: string; exponent: number; said: string }[];
}

export interface Reading {
  name: string;
  as: string;
  value: number;
  unit: string;
}

/** Values are canonical on both sides, so a faithful translation differs only by rounding of 萬/億 forms. */
const SAME_VALUE = 0.005;

export function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_VALUE * Math.max(Math.abs(a), Math.abs(b));
}

export function sameValues(e: Pick<Mention, 'value' | 'value_high'>, z: Pick<Mention, 'value' | 'value_high'>): boolean {
  if (!close(e.value, z.value)) return false;
  if (e.value_high === null || z.value_high === null) return e.value_high === z.value_high;
  return close(e.value_high, z.value_high);
}

const chineseUnits = units
  .flatMap((entry) => [...entry.aliases.zh, ...entry.aliases.en].map((alias) => ({ alias, entry })))
  .sort((a, b) => b.alias.length - a.alias.length);

/**
 * The readings of a Chinese number followed by an ambiguous prefix ("730 萬兆哈希", "1.2 兆美元"):
 * one per meaning of the prefix, in the canonical unit of what follows it. Empty when no prefix follows.
 */
export function prefixReadings(zh: Pick<Mention, 'value' | 'unit'>, after: string, prefixes: readonly AmbiguousPrefix[]): { prefix: AmbiguousPrefix; stem: string | null; said: string; readings: Reading[] } | null {
  if (zh.unit !== '') return null;
  const text = after.trimStart();
  const prefix = prefixes.find((p) => text.startsWith(p.zh) && !p.settled.some((s) => text.startsWith(s)));
  if (!prefix) return null;
  const rest = text.slice(prefix.zh.length).trimStart();
  for (const stem of prefix.stems) {
    const word = stem.zh.find((w) => rest.startsWith(w));
    if (!word) continue;
    const readings = prefix.readings.map((r) => ({ name: r.name, as: r.as, value: zh.value * 10 ** (r.exponent + stem.exponent), unit: stem.canonical }));
    return { prefix, stem: stem.said, said: through(after, word), readings };
  }
  // a number scale: 兆美元, or 兆 alone
  const unit = chineseUnits.find((u) => rest.startsWith(u.alias));
  const factor = unit ? Number(unit.entry.factor) : 1;
  const readings = prefix.readings.map((r) => ({ name: r.name, as: r.as, value: zh.value * 10 ** r.exponent * factor, unit: unit?.entry.canonical ?? '' }));
  return { prefix, stem: null, said: through(after, unit?.alias ?? prefix.zh), readings };
}

/** The text after the number up to the end of `word`, spaces kept: " 兆美元". */
function through(after: string, word: string): string {
  return after.slice(0, after.indexOf(word) + word.length);
}

const say = (value: number, unit: string) => sayValue(value, unit);

// per document, once per prefix: per pair, the scan of every Chinese phrase of the document was quadratic
const settledUsesCache = new WeakMap<readonly string[], Map<AmbiguousPrefix, string[]>>();

/** The Chinese phrases of the document that use `prefix` in its settled meaning. */
function settledUsesOf(documentZh: readonly string[], prefix: AmbiguousPrefix): string[] {
  let byPrefix = settledUsesCache.get(documentZh);
  if (!byPrefix) settledUsesCache.set(documentZh, (byPrefix = new Map()));
  let uses = byPrefix.get(prefix);
  if (!uses) byPrefix.set(prefix, (uses = documentZh.filter((s) => prefix.settled.some((w) => s.includes(w)))));
  return uses;
}

/**
 * The Chinese number against the English one: a different value (with the power of ten when the
 * scale word slipped), or a prefix such as 兆 that the reader may take either way.
 */
export function compareValue(pair: TranslationPair, prefixes: readonly AmbiguousPrefix[]): string | null {
  const { en, zh } = pair;
  const prefixed = prefixReadings(zh, pair.zhAfter, prefixes);
  if (prefixed) {
    const phrase = `${zh.surface}${prefixed.said}`.trim();
    const readings = prefixed.readings.map((r) => `as ${say(r.value, r.unit)} if ${prefixed.prefix.zh} is ${r.as}`).join(', or ');
    const settledUses = settledUsesOf(pair.documentZh, prefixed.prefix);
    const elsewhere = settledUses.length ? ` This translation also writes ${[...new Set(settledUses)].slice(0, 2).map((s) => `"${s}"`).join(' and ')}, where ${prefixed.prefix.zh} is mega.` : '';
    if (prefixed.stem) {
      return `The Chinese "${phrase}" for the English "${en.surface}" reads ${readings}; a reader cannot tell which.${elsewhere}`;
    }
    const [standard] = prefixed.readings;
    if (standard.unit === en.unit && close(standard.value, en.value)) return null;
    return `The Chinese "${phrase}" reads ${readings}; the English "${en.surface}" is ${say(en.value, en.unit)}.${elsewhere}`;
  }
  if (en.unit !== '' && zh.unit !== '' && zh.unit !== en.unit) return null; // a unit question, not a number one
  if (sameValues(en, zh)) return null;
  // the same amount with the other sign is a question of sign, which the sign check answers
  if (close(Math.abs(en.value), Math.abs(zh.value)) && Math.sign(en.value) !== Math.sign(zh.value)) return null;
  const ratio = zh.value / en.value;
  const power = Math.round(Math.log10(Math.abs(ratio)));
  const scaleSlip = power !== 0 && Number.isFinite(ratio) && close(Math.abs(ratio), 10 ** power);
  const zhSaid = `${say(zh.value, en.unit)}${zh.value_high !== null ? ` to ${say(zh.value_high, en.unit)}` : ''}`;
  const enSaid = `${say(en.value, en.unit)}${en.value_high !== null ? ` to ${say(en.value_high, en.unit)}` : ''}`;
  const slip = scaleSlip
    ? `: ${10 ** Math.abs(power) > 1 ? `${(10 ** Math.abs(power)).toLocaleString('en-US')} times ${power > 0 ? 'larger' : 'smaller'}` : ''}, a slip of the scale${zh.scale ? ` word ${zh.scale}` : ''}`
    : '';
  return `The Chinese "${zh.surface}" is ${zhSaid} where the English "${en.surface}" is ${enSaid}${slip}.`;
}
