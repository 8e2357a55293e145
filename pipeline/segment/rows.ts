import type { Row } from '../../schemas/columns.ts';
import type { documents, paragraphs, sentences, speakers } from '../../schemas/index.ts';
import { CodePointIndex } from '../ingest/source-text.ts';
import type { SegmentedTranscript } from './segment.ts';

export interface SegmentRows {
  documents: Row<typeof documents>[];
  speakers: Row<typeof speakers>[];
  paragraphs: Row<typeof paragraphs>[];
  sentences: Row<typeof sentences>[];
}

/** Table rows of a segmented transcript, spans converted to code points as the tables promise. */
export function segmentRows(t: SegmentedTranscript, codePoints: CodePointIndex): SegmentRows {
  const d = t.document;
  const cp = (n: number | undefined | null) => (n === undefined || n === null ? null : codePoints.toCodePoint(n));
  const contentParagraphs = t.paragraphs.filter((p) => p.section !== 'summary').length;
  return {
    documents: [
      {
        doc_id: d.docId,
        source_path: d.sourcePath,
        format: d.format,
        company: d.metadata.company,
        ticker: d.metadata.ticker,
        call_period: d.metadata.callPeriod,
        fiscal_year: d.metadata.fiscalYear,
        fiscal_quarter: d.metadata.fiscalQuarter,
        call_date: d.metadata.callDate,
        fiscal_year_end_month: d.metadata.fiscalYearEndMonth,
        quarter_start: d.metadata.quarterStart,
        quarter_end: d.metadata.quarterEnd,
        calendar_source: d.metadata.calendarSource,
        metadata_source: d.metadata.source,
        encoding: d.encoding,
        sha256: d.sha256,
        char_count: codePoints.toCodePoint(d.text.length),
        paragraph_count: contentParagraphs,
        speaker_count: t.speakers.length,
      },
    ],
    speakers: t.speakers.map((s) => ({
      doc_id: d.docId,
      speaker_index: s.index,
      name: s.name,
      title: s.title,
      organization: s.organization,
      role: s.role,
      turns: s.turns,
    })),
    paragraphs: t.paragraphs.map((p) => ({
      doc_id: d.docId,
      paragraph_index: p.index,
      section: p.section,
      speaker: p.speaker,
      speaker_role: p.speakerRole,
      turn_index: p.turnIndex,
      text_en: p.textEn,
      text_zh: p.textZh,
      char_start: cp(p.en?.start),
      char_end: cp(p.en?.end),
      zh_char_start: cp(p.zh?.start),
      zh_char_end: cp(p.zh?.end),
    })),
    sentences: t.sentences.map((s) => ({
      doc_id: d.docId,
      paragraph_index: s.paragraphIndex,
      sentence_index: s.sentenceIndex,
      text: s.text,
      char_start: codePoints.toCodePoint(s.start),
      char_end: codePoints.toCodePoint(s.end),
    })),
  };
}
