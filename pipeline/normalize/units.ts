// Turns a unit phrase as said (scale, unit, "per" parts) into the canonical unit of METRICS.md
// and the power of ten that converts the stated number into it.

import {
  exponentOf,
  ratioRules,
  standaloneDimension,
  type ScaleWord,
  type UnitEntry,
} from '../../registries/units.ts';

/** A unit of the registry together with the words that named it in the text. */
export interface SaidUnit {
  entry: UnitEntry;
  said: string;
}

export interface UnitPhrase {
  scale: ScaleWord | null;
  numerator: SaidUnit | null;
  denominators: SaidUnit[];
}

export interface ResolvedUnit {
  unit: string;
  dimension: string;
  /** Power of ten from the stated number to the canonical value. */
  exponent: number;
  statedUnit: string;
  flags: string[];
}

// Hash units are canonical per second; show "/s" only when the speaker said it.
function shortAsSaid(said: SaidUnit): string {
  const { entry } = said;
  if (entry.dimension === 'hashrate' && !/(\/\s*s|second|秒)/i.test(said.said)) return entry.short.replace('/s', '');
  return entry.short;
}

function statedUnitOf(phrase: UnitPhrase): string {
  const parts: string[] = [];
  if (phrase.numerator) parts.push(shortAsSaid(phrase.numerator));
  for (const denominator of phrase.denominators) {
    const short = shortAsSaid(denominator);
    parts.push(`/${short.includes('/') ? `(${short})` : short}`);
  }
  const unit = parts.join('');
  if (!phrase.scale) return unit;
  return unit === '' ? phrase.scale.word : `${phrase.scale.word} ${unit}`;
}

export function resolveUnit(phrase: UnitPhrase): ResolvedUnit {
  const scaleExponent = phrase.scale?.exponent ?? 0;
  const statedUnit = statedUnitOf(phrase);
  const { numerator, denominators } = phrase;
  const bare = (flags: string[], dimension = 'number'): ResolvedUnit =>
    ({ unit: '', dimension, exponent: scaleExponent, statedUnit, flags });

  if (!numerator) return bare(denominators.length > 0 ? ['unit_unsupported'] : []);
  const numeratorExponent = exponentOf(numerator.entry.factor);

  if (denominators.length === 0) {
    if (numerator.entry.standalone) {
      const { canonical, dimension } = numerator.entry.standalone;
      return { unit: canonical, dimension, exponent: scaleExponent + numeratorExponent, statedUnit, flags: [] };
    }
    const dimension = standaloneDimension[numerator.entry.dimension];
    if (!dimension) return bare(['unit_unsupported']);
    return { unit: numerator.entry.canonical, dimension, exponent: scaleExponent + numeratorExponent, statedUnit, flags: [] };
  }

  const rule = ratioRules.find((candidate) =>
    candidate.numerator === numerator.entry.dimension &&
    candidate.denominators.length === denominators.length &&
    candidate.denominators.every((dimension, index) => denominators[index].entry.dimension === dimension));
  if (!rule) return bare(['unit_unsupported']);

  // "gigawatts per hash" names an efficiency with units that cannot be meant: keep the number, drop the unit.
  if (rule.dimension === 'efficiency' &&
      ![numerator, ...denominators].every((part) => part.entry.efficiencyTerm === true)) {
    return bare(['unit_mismatch'], 'efficiency');
  }

  const denominatorExponent = denominators.reduce((sum, part) => sum + exponentOf(part.entry.factor), 0);
  return {
    unit: rule.canonical.replace('{currency}', numerator.entry.canonical),
    dimension: rule.dimension,
    exponent: scaleExponent + numeratorExponent - denominatorExponent + rule.exponent,
    statedUnit,
    flags: [],
  };
}
