import type { Row } from '../../schemas/columns.ts';
import type { facts, mentions } from '../../schemas/index.ts';
import type { TranscriptDocument } from '../ingest/transcript.ts';
import type { CodePointIndex } from '../ingest/source-text.ts';
import type { Paragraph } from '../segment/segment.ts';
import { periodRange } from '../fiscal-calendar.ts';
import type { FactDraft } from './facts.ts';
import type { Quantity } from './quantity.ts';

export interface ParagraphQuantities {
  paragraph: Paragraph;
  en: Quantity[];
  zh: Quantity[];
}

export function mentionRows(doc: TranscriptDocument, found: ParagraphQuantities[], codePoints: CodePointIndex): Row<typeof mentions>[] {
  const rows: Row<typeof mentions>[] = [];
  for (const { paragraph, en, zh } of found) {
    for (const [language, list, base] of [['en', en, paragraph.en?.start], ['zh', zh, paragraph.zh?.start]] as const) {
      if (base === undefined) continue;
      for (const q of list) {
        const start = codePoints.toCodePoint(base + q.start);
        rows.push({
          doc_id: doc.docId,
          mention_id: `${doc.docId}-${language}-${start}`,
          paragraph_index: paragraph.index,
          language,
          char_start: start,
          char_end: codePoints.toCodePoint(base + q.end),
          surface: q.surface,
          stated_value: q.statedValue,
          stated_unit: q.statedUnit,
          scale: q.scale,
          value: q.value,
          value_high: q.valueHigh,
          unit: q.unit,
          dimension: q.dimension,
          qualifier: q.qualifier,
          flags: q.flags.join(';'),
        });
      }
    }
  }
  return rows;
}

export function factRows(doc: TranscriptDocument, drafts: FactDraft[], codePoints: CodePointIndex): Row<typeof facts>[] {
  const { fiscalYearEndMonth } = doc.metadata;
  return drafts.map((f) => {
    const start = codePoints.toCodePoint(f.start);
    const range = fiscalYearEndMonth ? periodRange(f.period, fiscalYearEndMonth) : null;
    return {
      fact_id: `${doc.docId}-${start}-${f.metric}`,
      doc_id: doc.docId,
      ticker: doc.metadata.ticker,
      call_period: doc.metadata.callPeriod,
      metric: f.metric,
      value: f.value,
      value_high: f.valueHigh,
      unit: f.unit,
      stated_value: f.statedValue,
      stated_unit: f.statedUnit,
      qualifier: f.qualifier,
      period: f.period,
      period_start: range?.start ?? null,
      period_end: range?.end ?? null,
      basis: f.basis,
      change_kind: f.changeKind,
      entity: f.entity,
      speaker: f.speaker,
      section: f.section,
      paragraph_index: f.paragraphIndex,
      char_start: start,
      char_end: codePoints.toCodePoint(f.end),
      quote: f.quote,
      sentence: f.sentence,
      confidence: f.confidence,
    };
  });
}
