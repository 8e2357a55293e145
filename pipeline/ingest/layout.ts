import type { SourceLine, Span } from './source-text.ts';

export type Section = 'summary' | 'prepared_remarks' | 'qa';

/** A person listed in a transcript's participant lists. */
export interface Participant {
  name: string;
  /** title for company participants; the firm (or title) for conference-call participants */
  title: string | null;
  group: 'company' | 'conference';
}

/**
 * What a format reads off the page, before any meaning is given to it: section headings,
 * speaker turns and paragraphs with their spans. The segment stage works on this alone, so a
 * new layout only has to produce these blocks.
 */
export type LayoutBlock =
  | { kind: 'section'; section: Section }
  | { kind: 'turn'; name: string; title: string | null }
  | { kind: 'paragraph'; en: Span | null; zh: Span | null };

export interface Layout {
  /** the line that names the call, where the layout has one */
  titleLine: string | null;
  participants: Participant[];
  blocks: LayoutBlock[];
  /** true when the layout marks where the Q&A starts with a heading of its own */
  hasQaHeading: boolean;
}

export interface TranscriptFormat {
  id: string;
  description: string;
  /** true when the text is in this layout; formats are asked in registry order */
  detect(text: string, lines: SourceLine[]): boolean;
  parse(text: string, lines: SourceLine[]): Layout;
}
