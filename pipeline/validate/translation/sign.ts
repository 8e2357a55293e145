import type { FamilyGroup, TranslationPair } from './pair.ts';
import { chineseFamilies, englishFamilies } from './word-families.ts';

/** What makes a number negative in each language besides a minus sign: words of the groups, and these. */
export interface SignWords {
  /** Chinese words right before a number that make it negative: 負 520 萬美元 */
  zhNegative: string[];
  /** groups whose words say the amount is a loss or a fall, in either language */
  groups: FamilyGroup[];
  /** the family names of those groups that are negative */
  negativeFamilies: string[];
}

/** How far before the Chinese number a negative word still belongs to it. */
const NEAR = 6;

/**
 * The same amount with opposite signs: faithful when the side without the minus says a loss or a
 * fall in words ("a loss of $5.2 million" as -520 萬美元, "negative $5.2 million" as 負 520 萬美元).
 */
export function compareSign(pair: TranslationPair, words: SignWords): string | null {
  const { en, zh } = pair;
  if (en.value === 0 || zh.value === 0 || Math.sign(en.value) === Math.sign(zh.value)) return null;
  const negative = (name: string) => words.negativeFamilies.includes(name);
  if (en.value < 0) {
    const before = pair.zhBefore.slice(-NEAR);
    if (words.zhNegative.some((w) => before.includes(w))) return null;
    if (words.groups.some((g) => chineseFamilies(pair.zhClause, g, false).some((s) => negative(s.family.name)))) return null;
    return `The English "${en.surface}" is negative, but the Chinese "${zh.surface}" is a positive amount with no word for a loss or a minus (負).`;
  }
  if (words.groups.some((g) => englishFamilies(pair, g).some((s) => negative(s.family.name)))) return null;
  return `The English "${en.surface}" is positive, but the Chinese "${zh.surface}" is negative.`;
}
