import type { Row } from '../../schemas/columns.ts';
import type { translationChecks } from '../../schemas/index.ts';
import { ambiguousPrefixes, translationCheckRegistry, type TranslationReason } from '../../registries/translation-checks.ts';
import type { DocumentForChecks } from './document-checks.ts';
import { pairContext, type Mention } from './translation/pair.ts';
import { close, prefixReadings, sameValues } from './translation/value-scale.ts';

type TranslationCheck = Row<typeof translationChecks>;

/** What one translation check found wrong with a pair. */
export interface TranslationFinding {
  reason: TranslationReason;
  sentence: string;
}

/**
 * Each English quantity of a bilingual paragraph, looked for in its Chinese translation and
 * compared by every check of the translation registry: the English is authoritative, so what the
 * translation loses or garbles is what gets reported. A Chinese quantity answers for one English
 * quantity at most. A bare English number ("98 more than the 1,114") gets a row only when a check
 * finds its counterpart wrong.
 */
export function checkTranslation(doc: DocumentForChecks): TranslationCheck[] {
  return compareTranslation(doc).map((c) => c.row);
}

/** The rows of `checkTranslation`, each with the findings that made it (one per reason) and the Chinese clause they read. */
export function compareTranslation(doc: DocumentForChecks): { row: TranslationCheck; findings: TranslationFinding[]; zhClause: string | null }[] {
  const bilingual = new Map(doc.paragraphs.filter((p) => p.text_en !== null && p.text_zh !== null).map((p) => [p.paragraph_index, p]));
  const byParagraph = new Map<number, { en: Mention[]; zh: Mention[] }>();
  const sorted = [...doc.mentions].sort((a, b) => a.char_start - b.char_start);
  for (const m of sorted) {
    if (!bilingual.has(m.paragraph_index)) continue;
    const slot = byParagraph.get(m.paragraph_index) ?? { en: [], zh: [] };
    slot[m.language].push(m);
    byParagraph.set(m.paragraph_index, slot);
  }
  const documentZh = sorted.filter((m) => m.language === 'zh').map((m) => m.surface);
  const rows: ReturnType<typeof compareTranslation> = [];
  for (const index of [...byParagraph.keys()].sort((a, b) => a - b)) {
    const paragraph = bilingual.get(index)!;
    const { en, zh } = byParagraph.get(index)!;
    const partners = pairParagraph(en, zh, paragraph.text_zh ?? '', paragraph.zh_char_start ?? 0);
    for (const e of en) {
      const z = partners.get(e) ?? null;
      const pair = z ? pairContext(paragraph, e, z, en, documentZh) : null;
      const findings = pair ? findingsOf(pair) : [];
      if (e.unit === '' && findings.length === 0) continue;
      const row: TranslationCheck = {
        doc_id: doc.document.doc_id,
        paragraph_index: e.paragraph_index,
        en_mention_id: e.mention_id,
        zh_mention_id: z?.mention_id ?? null,
        status: !z ? 'missing' : findings.length ? 'mismatch' : 'match',
        reasons: findings.map((f) => f.reason).join(';'),
        explanation: findings.length ? findings.map((f) => f.sentence).join(' ') : null,
        en_surface: e.surface,
        zh_surface: z?.surface ?? null,
        en_value: e.value,
        zh_value: z?.value ?? null,
        unit: e.unit,
      };
      rows.push({ row, findings, zhClause: pair ? pair.zhClause.trim() : null });
    }
  }
  return rows;
}

function findingsOf(pair: ReturnType<typeof pairContext>): TranslationFinding[] {
  return translationCheckRegistry.flatMap((check) => {
    const sentence = check.compare(pair);
    return sentence ? [{ reason: check.reason, sentence }] : [];
  });
}

/**
 * More quantities than any spoken paragraph holds (a file joined into one paragraph): paired a
 * window at a time, each English quantity with the Chinese ones at about the same place, so the
 * work stays linear. Below this, the whole paragraph is one window.
 */
const PAIRING_WINDOW = 128;

/**
 * Pairs one paragraph's quantities in rounds, so a faithful pair is never spoiled by an earlier
 * near miss: first equal values (in the same unit, or a bare Chinese number, where the
 * translation dropped the unit word), then an equal value in another unit (the unit garbled),
 * then the nearest value in the same unit (the number garbled), then a reading of an ambiguous
 * scale (730 萬兆哈希). Bare English numbers come last and take only an equal value.
 */
function pairParagraph(en: Mention[], zh: Mention[], zhText: string, zhStart: number): Map<Mention, Mention> {
  const zhCps = Array.from(zhText);
  if (en.length <= PAIRING_WINDOW && zh.length <= PAIRING_WINDOW) return pairWithin(en, zh, zhCps, zhStart);
  const partner = new Map<Mention, Mention>();
  const taken = new Set<Mention>();
  const step = PAIRING_WINDOW / 2;
  const ratio = zh.length / en.length;
  for (let from = 0; from < en.length; from += step) {
    const zhFrom = Math.max(0, Math.floor(from * ratio) - step / 2);
    const zhTo = Math.ceil((from + step) * ratio) + step / 2;
    const free = zh.slice(zhFrom, zhTo).filter((z) => !taken.has(z));
    for (const [e, z] of pairWithin(en.slice(from, from + step), free, zhCps, zhStart)) {
      partner.set(e, z);
      taken.add(z);
    }
  }
  return partner;
}

function pairWithin(en: Mention[], zh: Mention[], zhCps: string[], zhStart: number): Map<Mention, Mention> {
  const partner = new Map<Mention, Mention>();
  const used = new Set<Mention>();
  const round = (candidates: Mention[], pick: (e: Mention, free: Mention[]) => Mention | undefined) => {
    for (const e of candidates) {
      if (partner.has(e)) continue;
      const z = pick(e, zh.filter((c) => !used.has(c)));
      if (!z) continue;
      used.add(z);
      partner.set(e, z);
    }
  };
  const withUnit = en.filter((e) => e.unit !== '');
  round(withUnit, (e, free) => free.find((z) => z.unit === e.unit && sameValues(e, z)) ?? free.find((z) => z.unit === '' && sameValues(e, z)));
  round(withUnit, (e, free) => free.find((z) => z.unit !== e.unit && z.unit !== '' && sameValues(e, z)));
  round(withUnit, (e, free) =>
    free.filter((z) => z.unit === e.unit).sort((a, b) => distance(e, a) - distance(e, b) || a.char_start - b.char_start)[0],
  );
  const after = (z: Mention) => zhCps.slice(z.char_end - zhStart, z.char_end - zhStart + 12).join('');
  round(withUnit, (e, free) =>
    free.find((z) => prefixReadings(z, after(z), ambiguousPrefixes)?.readings.some((r) => r.unit === e.unit && close(r.value, e.value))),
  );
  round(en.filter((e) => e.unit === ''), (e, free) => free.find((z) => sameValues(e, z)));
  return partner;
}

/** How far apart two values are, relative to their size: 7.3 million against 730 is far, 7.3 against 7.9 near. */
function distance(e: Mention, z: Mention): number {
  return Math.abs(e.value - z.value) / (Math.max(Math.abs(e.value), Math.abs(z.value)) || 1);
}
