import type { Layout, LayoutBlock, Participant, TranscriptFormat } from '../layout.ts';
import { trimmedSpan, type SourceLine } from '../source-text.ts';
import { colonTurn, gluedTitleLength, isOperator, looksLikeName, readParticipantLists } from './speaker-lines.ts';

const wireTitle = /\bQ[1-4]\s+\d{4}\s+Earnings Call\b/i;
const qaHeading = /^(question-and-answer session|question and answer session|questions and answers|q&a session|q&a)$/i;

function hasWireHeader(lines: SourceLine[]): boolean {
  const head = lines.slice(0, 60).map((l) => l.text.trim());
  const lists = head.some((t) => /^(company|corporate) participants:?$/i.test(t)) || (head.some((t) => /^executives:?$/i.test(t)) && head.some((t) => /^analysts:?$/i.test(t)));
  return lists || (wireTitle.test(head.find(Boolean) ?? '') && head.includes('Presentation'));
}

/** S&P Capital IQ / Seeking Alpha: name line, title line, then paragraphs one per line. */
export const wire: TranscriptFormat = {
  id: 'wire',
  description: 'wire-service layout: title line, participant lists, Presentation, name and title lines before each turn',
  detect: (_text, lines) => hasWireHeader(lines) && countColonTurns(lines) < 2,
  parse: (_text, lines) => parseWire(lines),
};

/** A web copy of the wire layout whose Q&A turns are flattened to `Name: Title text` lines. */
export const webcopy: TranscriptFormat = {
  id: 'webcopy',
  description: 'web copy of the wire layout: prepared remarks as wire turns, Q&A turns flattened to `Name: Title text` lines',
  detect: (_text, lines) => hasWireHeader(lines) && countColonTurns(lines) >= 2,
  parse: (_text, lines) => parseWire(lines),
};

function countColonTurns(lines: SourceLine[]): number {
  return lines.filter((l) => /^Operator: /.test(l.text) || (colonTurn.test(l.text) && looksLikeName(l.text.split(':')[0]))).length;
}

function parseWire(lines: SourceLine[]): Layout {
  const titleLine = lines.find((l) => l.text.trim())?.text.trim() ?? null;
  const presentation = lines.findIndex((l) => /^presentation$/i.test(l.text.trim()));
  const { participants } = readParticipantLists(lines, 0, (t) => /^presentation$/i.test(t));
  const start = presentation >= 0 ? presentation + 1 : firstTurnLine(lines);
  const byName = new Map(participants.map((p) => [p.name, p]));
  const byFirm = firmsOfSingleAnalysts(participants);
  const byTitle = titlesOfSingleExecutives(participants);
  const blocks: LayoutBlock[] = [{ kind: 'section', section: 'prepared_remarks' }];
  let hasQaHeading = false;

  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    const t = line.text.trim();
    if (!t) continue;
    if (qaHeading.test(t)) {
      blocks.push({ kind: 'section', section: 'qa' });
      hasQaHeading = true;
      continue;
    }
    if (isOperator(t)) {
      blocks.push({ kind: 'turn', name: 'Operator', title: null });
      continue;
    }
    const header = turnHeader(lines, i, byName);
    if (header) {
      blocks.push({ kind: 'turn', name: header.name, title: header.title });
      i = header.titleLine;
      continue;
    }
    const flattened = colonTurn.exec(line.text);
    const speaker = flattened ? resolveColonSpeaker(flattened[1], byName, byFirm, byTitle) : null;
    if (flattened && speaker) {
      const known = speaker.participant ? [speaker.participant.title] : [];
      const body = line.text.slice(flattened[1].length + 2);
      const skip = flattened[1].length + 2 + gluedTitleLength(body, known);
      const title = line.text.slice(flattened[1].length + 2, skip).trim() || speaker.participant?.title || null;
      blocks.push({ kind: 'turn', name: speaker.name, title });
      const en = trimmedSpan(line, skip);
      if (en) blocks.push({ kind: 'paragraph', en, zh: null });
      continue;
    }
    // A web copy may glue the next speaker's name to the end of a paragraph: "... You may begin. Jane Roe"
    const glued = gluedSpeaker(lines, i, participants);
    if (glued) {
      const en = trimmedSpan({ ...line, text: line.text.slice(0, glued.at), end: line.start + glued.at });
      if (en) blocks.push({ kind: 'paragraph', en, zh: null });
      blocks.push({ kind: 'turn', name: glued.participant.name, title: glued.participant.title });
      i = glued.titleLine;
      continue;
    }
    const en = trimmedSpan(line);
    if (en) blocks.push({ kind: 'paragraph', en, zh: null });
  }
  return { titleLine, participants, blocks, hasQaHeading };
}

/** Where turns begin when there is no `Presentation` line: the first Operator line. */
function firstTurnLine(lines: SourceLine[]): number {
  const operator = lines.findIndex((l) => isOperator(l.text.trim()) || /^Operator: /.test(l.text));
  return operator >= 0 ? operator : 1;
}

function firmsOfSingleAnalysts(participants: Participant[]): Map<string, Participant> {
  const counts = new Map<string, Participant[]>();
  for (const p of participants) {
    if (p.group !== 'conference' || !p.title) continue;
    for (const firm of new Set([p.title, p.title.split(',')[0].trim()])) {
      counts.set(firm, [...(counts.get(firm) ?? []), p]);
    }
  }
  const single = new Map<string, Participant>();
  for (const [firm, list] of counts) if (list.length === 1) single.set(firm, list[0]);
  return single;
}

/** A name line followed by a title line: a known participant with their listed title, or a name-like line followed by a short title and a blank line. */
function turnHeader(lines: SourceLine[], i: number, byName: Map<string, Participant>): { name: string; title: string | null; titleLine: number } | null {
  const t = lines[i].text.trim();
  const next = lines[i + 1]?.text.trim() ?? '';
  const known = byName.get(t);
  if (known) {
    if (known.title && next === known.title) return { name: t, title: next, titleLine: i + 1 };
    if (!next) return { name: t, title: known.title, titleLine: i };
  }
  if (!looksLikeName(t) || !next || next.length > 80 || /[.?!]$/.test(next)) return null;
  const after = lines[i + 2]?.text.trim() ?? '';
  if (after) return null;
  return { name: t, title: next, titleLine: i + 1 };
}

/** Company participants whose listed title no one else has: a web copy may write that title where the name belongs. */
function titlesOfSingleExecutives(participants: Participant[]): Map<string, Participant> {
  const counts = new Map<string, Participant[]>();
  for (const p of participants) if (p.group === 'company' && p.title) counts.set(p.title, [...(counts.get(p.title) ?? []), p]);
  return new Map([...counts].filter(([, list]) => list.length === 1).map(([title, [p]]) => [title, p]));
}

function resolveColonSpeaker(label: string, byName: Map<string, Participant>, byFirm: Map<string, Participant>, byTitle: Map<string, Participant>): { name: string; participant: Participant | null } | null {
  if (isOperator(label)) return { name: 'Operator', participant: null };
  const person = byName.get(label);
  if (person) return { name: person.name, participant: person };
  const firm = byFirm.get(label);
  if (firm) return { name: firm.name, participant: firm };
  const titled = byTitle.get(label);
  if (titled) return { name: titled.name, participant: titled };
  return looksLikeName(label) ? { name: label, participant: null } : null;
}

function gluedSpeaker(lines: SourceLine[], i: number, participants: Participant[]): { at: number; participant: Participant; titleLine: number } | null {
  const text = lines[i].text.trimEnd();
  const next = lines[i + 1]?.text.trim() ?? '';
  if (!next) return null;
  for (const p of participants) {
    if (p.title === next && text.endsWith(' ' + p.name) && text.length > p.name.length + 1) {
      return { at: text.length - p.name.length, participant: p, titleLine: i + 1 };
    }
  }
  return null;
}
