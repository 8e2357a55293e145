import type { Row } from '../../schemas/columns.ts';
import type { ingestErrors } from '../../schemas/index.ts';
import type { Quantity } from './quantity.ts';
import type { ParagraphQuantities } from './rows.ts';

export interface RejectedQuantity {
  paragraphIndex: number;
  quantity: Quantity;
}

const isRejected = (q: Quantity) => q.flags.includes('non_finite');

/** The quantities flagged non_finite taken out, so that they make no mention and no fact; and which they were. */
export function withoutNonFinite(found: ParagraphQuantities[]): { kept: ParagraphQuantities[]; rejected: RejectedQuantity[] } {
  const rejected: RejectedQuantity[] = [];
  const kept = found.map((f) => {
    for (const quantity of [...f.en, ...f.zh]) if (isRejected(quantity)) rejected.push({ paragraphIndex: f.paragraph.index, quantity });
    return rejected.length ? { ...f, en: f.en.filter((q) => !isRejected(q)), zh: f.zh.filter((q) => !isRejected(q)) } : f;
  });
  return { kept, rejected };
}

/** The reason the numbers were rejected, one row per file naming the first few. */
export function nonFiniteRow(sourcePath: string, docId: string, rejected: RejectedQuantity[]): Row<typeof ingestErrors> {
  const shown = rejected
    .slice(0, 3)
    .map(({ paragraphIndex, quantity }) => `paragraph ${paragraphIndex}: "${abbreviated(quantity.surface)}"`)
    .join('; ');
  const count = rejected.length === 1 ? 'a number' : `${rejected.length} numbers`;
  return {
    source_path: sourcePath,
    problem: 'non_finite_number',
    severity: 'warning',
    message: `${sourcePath}: ${count} too large to hold as a double (${shown}${rejected.length > 3 ? '; …' : ''}); no mention and no fact was made of ${rejected.length === 1 ? 'it' : 'them'}.`,
    action: 'processed',
    doc_id: docId,
  };
}

function abbreviated(surface: string): string {
  return surface.length <= 40 ? surface : `${surface.slice(0, 18)}…${surface.slice(-18)}`;
}
