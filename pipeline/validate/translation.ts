import type { Row } from '../../schemas/columns.ts';
import type { mentions, translationChecks } from '../../schemas/index.ts';
import type { DocumentForChecks } from './document-checks.ts';

type Mention = Row<typeof mentions>;
type TranslationCheck = Row<typeof translationChecks>;

/** Values are canonical on both sides, so a faithful translation differs only by rounding of 萬/億 forms. */
const SAME_VALUE = 0.005;

/**
 * Each English quantity with a unit, looked for in the Chinese translation of its paragraph: the
 * English is authoritative, so what the translation loses or garbles is what gets reported.
 * A Chinese quantity answers for one English quantity at most.
 */
export function checkTranslation(doc: DocumentForChecks): TranslationCheck[] {
  const bilingual = new Set(doc.paragraphs.filter((p) => p.text_en !== null && p.text_zh !== null).map((p) => p.paragraph_index));
  const byParagraph = new Map<number, { en: Mention[]; zh: Mention[] }>();
  for (const m of [...doc.mentions].sort((a, b) => a.char_start - b.char_start)) {
    if (!bilingual.has(m.paragraph_index)) continue;
    if (m.language === 'en' && m.unit === '') continue;
    const slot = byParagraph.get(m.paragraph_index) ?? { en: [], zh: [] };
    slot[m.language].push(m);
    byParagraph.set(m.paragraph_index, slot);
  }
  const rows: TranslationCheck[] = [];
  for (const index of [...byParagraph.keys()].sort((a, b) => a - b)) {
    const { en, zh } = byParagraph.get(index)!;
    rows.push(...pairParagraph(doc.document.doc_id, en, zh));
  }
  return rows;
}

/**
 * Pairs one paragraph's quantities in rounds, so a faithful pair is never spoiled by an earlier
 * near miss: first equal values (in the same unit, or a bare Chinese number, where the
 * translation dropped the unit word), then an equal value in another unit (the unit garbled),
 * then the nearest value in the same unit (the number garbled).
 */
function pairParagraph(docId: string, en: Mention[], zh: Mention[]): TranslationCheck[] {
  const partner = new Map<Mention, { zh: Mention | null; status: TranslationCheck['status'] }>();
  const used = new Set<Mention>();
  const round = (status: TranslationCheck['status'], pick: (e: Mention, free: Mention[]) => Mention | undefined) => {
    for (const e of en) {
      if (partner.has(e)) continue;
      const z = pick(e, zh.filter((c) => !used.has(c)));
      if (!z) continue;
      used.add(z);
      partner.set(e, { zh: z, status });
    }
  };
  round('match', (e, free) => free.find((z) => z.unit === e.unit && sameValues(e, z)) ?? free.find((z) => z.unit === '' && sameValues(e, z)));
  round('mismatch', (e, free) => free.find((z) => z.unit !== e.unit && z.unit !== '' && sameValues(e, z)));
  round('mismatch', (e, free) =>
    free.filter((z) => z.unit === e.unit).sort((a, b) => distance(e, a) - distance(e, b) || a.char_start - b.char_start)[0],
  );
  return en.map((e) => {
    const found = partner.get(e) ?? { zh: null, status: 'missing' as const };
    return {
      doc_id: docId,
      paragraph_index: e.paragraph_index,
      en_mention_id: e.mention_id,
      zh_mention_id: found.zh?.mention_id ?? null,
      status: found.status,
      en_surface: e.surface,
      zh_surface: found.zh?.surface ?? null,
      en_value: e.value,
      zh_value: found.zh?.value ?? null,
      unit: e.unit,
    };
  });
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_VALUE * Math.max(Math.abs(a), Math.abs(b));
}

function sameValues(e: Mention, z: Mention): boolean {
  if (!close(e.value, z.value)) return false;
  if (e.value_high === null || z.value_high === null) return e.value_high === z.value_high;
  return close(e.value_high, z.value_high);
}

/** How far apart two values are, relative to their size: 7.3 million against 730 is far, 7.3 against 7.9 near. */
function distance(e: Mention, z: Mention): number {
  return Math.abs(e.value - z.value) / (Math.max(Math.abs(e.value), Math.abs(z.value)) || 1);
}
