import type { Row } from '../../../schemas/columns.ts';
import type { facts } from '../../../schemas/index.ts';
import { firstAtLeast } from '../../sorted-search.ts';

type Fact = Row<typeof facts>;

interface SpanIndex {
  /** char_start of each fact, in the order of the facts; null when they are not in char_start order */
  starts: number[] | null;
  longestSpan: number;
}

const indexes = new WeakMap<readonly Fact[], SpanIndex>();

/**
 * The facts whose span overlaps [start, end), in their order. `facts` is in char_start order (as
 * checkDocument passes them); a binary search and the longest span bound the facts looked at.
 */
export function factsOverlapping(facts: readonly Fact[], start: number, end: number): Fact[] {
  let index = indexes.get(facts);
  if (!index) {
    const sorted = facts.every((f, i) => i === 0 || facts[i - 1].char_start <= f.char_start);
    const longestSpan = facts.reduce((longest, f) => Math.max(longest, f.char_end - f.char_start), 0);
    index = { starts: sorted ? facts.map((f) => f.char_start) : null, longestSpan };
    indexes.set(facts, index);
  }
  const { starts, longestSpan } = index;
  if (!starts) return facts.filter((f) => f.char_start < end && f.char_end > start);
  const from = firstAtLeast(starts, start - longestSpan);
  const to = firstAtLeast(starts, end);
  const found: Fact[] = [];
  for (let i = from; i < to; i++) if (facts[i].char_end > start) found.push(facts[i]);
  return found;
}

