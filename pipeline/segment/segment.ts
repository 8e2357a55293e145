import { analystIntroductions, qaStartCues } from '../../registries/qa-cues.ts';
import { analystTitle, investorRelationsTitle } from '../../registries/speaker-titles.ts';
import type { Participant, Section } from '../ingest/layout.ts';
import type { Span } from '../ingest/source-text.ts';
import type { TranscriptDocument } from '../ingest/transcript.ts';
import { splitSentences } from './sentences.ts';

export type Role = 'executive' | 'analyst' | 'operator' | 'investor_relations';

export interface Speaker {
  index: number;
  name: string;
  title: string | null;
  organization: string | null;
  role: Role;
  turns: number;
}

export interface Paragraph {
  index: number;
  section: Section;
  speaker: string | null;
  speakerRole: Role | null;
  turnIndex: number | null;
  en: Span | null;
  zh: Span | null;
  textEn: string | null;
  textZh: string | null;
}

export interface Sentence {
  paragraphIndex: number;
  sentenceIndex: number;
  start: number;
  end: number;
  text: string;
}

export interface SegmentedTranscript {
  document: TranscriptDocument;
  speakers: Speaker[];
  /** content paragraphs first (index 0..n-1), then summary paragraphs */
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

/** Speakers, sections, paragraphs and sentences of a transcript, all with spans into its text. */
export function segmentTranscript(document: TranscriptDocument): SegmentedTranscript {
  const { text, layout } = document;
  const speakers = new Map<string, Speaker>();
  const content: Omit<Paragraph, 'index'>[] = [];
  const summary: Omit<Paragraph, 'index'>[] = [];
  let section: Section = 'prepared_remarks';
  let current: Speaker | null = null;
  let turnIndex = -1;
  let companyHasSpoken = false;
  // company speakers who have spoken so far; the first of them opened the call and hosts it
  const companySpeakers = new Set<Speaker>();
  let hostQaStart: number | null = null;

  for (const block of layout.blocks) {
    if (block.kind === 'section') {
      section = block.section;
      continue;
    }
    if (block.kind === 'turn') {
      current = speakerOf(speakers, block.name, block.title, layout.participants);
      current.turns++;
      turnIndex++;
      continue;
    }
    const textEn = block.en ? text.slice(block.en.start, block.en.end) : null;
    const textZh = block.zh ? text.slice(block.zh.start, block.zh.end) : null;
    if (section === 'summary' || !textEn) {
      summary.push({ section: 'summary', speaker: null, speakerRole: null, turnIndex: null, en: block.en, zh: block.zh, textEn, textZh });
      continue;
    }
    if (current && current.role !== 'operator') companyHasSpoken = true;
    if (!layout.hasQaHeading && section === 'prepared_remarks' && current?.role === 'operator' && companyHasSpoken && qaStartCues.some((cue) => cue.test(textEn))) {
      section = 'qa';
    }
    if (!layout.hasQaHeading && section === 'prepared_remarks' && hostQaStart === null && current && isHost(current, companySpeakers) && qaStartCues.some((cue) => cue.test(textEn))) {
      hostQaStart = content.length;
    }
    if (current && current.role !== 'operator' && current.role !== 'analyst') companySpeakers.add(current);
    content.push({ section, speaker: current?.name ?? null, speakerRole: current?.role ?? null, turnIndex: current ? turnIndex : null, en: block.en, zh: block.zh, textEn, textZh });
  }

  // no operator opened the Q&A: the host did, and then calls up the analysts
  const hostOpensQa = hostQaStart !== null && !content.some((p) => p.section === 'qa');
  const qaHost = hostOpensQa ? content[hostQaStart!].speaker : null;
  if (hostOpensQa) for (const p of content.slice(hostQaStart!)) p.section = 'qa';
  const ordered = [...speakers.values()];
  const introduces = (p: Omit<Paragraph, 'index'>) => p.speakerRole === 'operator' || (p.section === 'qa' && p.speaker !== null && p.speaker === qaHost);
  assignAnalystFirms(ordered, content, introduces);
  for (const p of content) p.speakerRole = p.speaker ? (speakers.get(p.speaker)?.role ?? null) : null;
  const paragraphs = [...content, ...summary].map((p, index) => ({ ...p, index }));
  const sentences = paragraphs.flatMap((p) =>
    p.en && p.textEn
      ? splitSentences(p.textEn).map((s, sentenceIndex) => ({
          paragraphIndex: p.index,
          sentenceIndex,
          start: p.en!.start + s.start,
          end: p.en!.start + s.end,
          text: p.textEn!.slice(s.start, s.end),
        }))
      : [],
  );
  return { document, speakers: ordered, paragraphs, sentences };
}

function speakerOf(speakers: Map<string, Speaker>, name: string, title: string | null, participants: Participant[]): Speaker {
  const known = speakers.get(name);
  if (known) {
    if (!known.title && title) known.title = title;
    return known;
  }
  const listed = participants.find((p) => p.name === name);
  const listedTitle = listed?.title ?? null;
  // a web copy may label an unnamed questioner by role alone ("Unknown Analyst")
  const isAnalyst = listed?.group === 'conference' || analystTitle.test(title ?? '') || analystTitle.test(name);
  const role: Role = /^operator$/i.test(name)
    ? 'operator'
    : isAnalyst
      ? 'analyst'
      : investorRelationsTitle.test(title ?? listedTitle ?? '')
        ? 'investor_relations'
        : 'executive';
  // the wire layout lists an analyst's firm where a title would stand
  const firmFromList = listed?.group === 'conference' && listedTitle ? (firmInTitle(listedTitle) ?? listedTitle) : null;
  const shownTitle = title ?? listedTitle;
  const speaker: Speaker = {
    index: speakers.size,
    name,
    title: shownTitle === firmFromList || firmInTitle(shownTitle) ? 'Analyst' : shownTitle,
    organization: firmFromList ?? firmInTitle(title),
    role,
    turns: 0,
  };
  speakers.set(name, speaker);
  return speaker;
}

/** "Acme Securities -- Analyst" (Motley Fool) names the firm inside the title. */
function firmInTitle(title: string | null): string | null {
  const m = title ? /^(.+?)\s+--\s+Analyst$/i.exec(title) : null;
  return m ? m[1] : null;
}

/**
 * A host is the company speaker who opened the call, or one who speaks for investor relations;
 * what they say counts as opening the Q&A only once someone else of the company has spoken, so
 * the agenda of an opening ("followed by a Q&A session") does not.
 */
function isHost(speaker: Speaker, companySpeakers: Set<Speaker>): boolean {
  const [opener] = companySpeakers;
  return (speaker === opener || speaker.role === 'investor_relations') && [...companySpeakers].some((s) => s !== speaker);
}

/** Analysts' firms from the introductions of whoever runs the Q&A, and analysts recognised by being introduced. */
function assignAnalystFirms(speakers: Speaker[], content: Omit<Paragraph, 'index'>[], introduces: (p: Omit<Paragraph, 'index'>) => boolean): void {
  for (const p of content) {
    if (!introduces(p) || !p.textEn) continue;
    for (const pattern of analystIntroductions) {
      const g = pattern.exec(p.textEn)?.groups;
      if (!g) continue;
      const analyst = matchIntroduced(speakers, g.name);
      if (analyst && analyst.role !== 'operator' && analyst.name !== p.speaker) {
        analyst.role = 'analyst';
        analyst.organization ??= g.firm.trim().replace(/[.,]$/, '');
      }
      break;
    }
  }
}

/** The operator may say "Greg Lewis" of the listed "Gregory Lewis": same last name, first name a prefix. */
function matchIntroduced(speakers: Speaker[], said: string): Speaker | null {
  const exact = speakers.find((s) => s.name === said);
  if (exact) return exact;
  const [first, ...rest] = said.split(' ');
  const last = rest.join(' ');
  const candidates = speakers.filter((s) => {
    const parts = s.name.split(' ');
    return parts.slice(1).join(' ') === last && (parts[0].startsWith(first) || first.startsWith(parts[0]));
  });
  return candidates.length === 1 ? candidates[0] : null;
}
