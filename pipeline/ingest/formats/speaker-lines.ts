import { titleHeadWords, titleWords } from '../../../registries/speaker-titles.ts';
import type { Participant } from '../layout.ts';
import type { SourceLine } from '../source-text.ts';

const namePart = String.raw`(?:[A-Z][A-Za-z'’.\-]*|[A-Z]\.|de|da|del|der|van|von|la|le|di|bin|al)`;
const personName = new RegExp(String.raw`^${namePart}(?: ${namePart}){1,4}$`);

/** "Jane Roe", "S. Schultz", "Jin James Cheng": two to five capitalised words, nothing else. */
export function looksLikeName(line: string): boolean {
  const t = line.trim();
  return t.length <= 48 && personName.test(t) && !/[.?!,:]$/.test(t.replace(/\b[A-Z]\.$/, ''));
}

export function isOperator(name: string): boolean {
  return /^operator$/i.test(name.trim());
}

/** A `Name - Title` (or `Name -- Title`, `Name – Title`) line, as participant lists and turn headers write it. */
export function splitNameTitle(line: string, dash: RegExp = /\s+[-–—]{1,2}\s+/): { name: string; title: string } | null {
  const t = line.trim();
  const m = dash.exec(t);
  if (!m) return null;
  const name = t.slice(0, m.index).trim();
  const title = t.slice(m.index + m[0].length).trim();
  if (!name || !title || name.length > 60 || title.length > 120) return null;
  if (!looksLikeName(name) && !isOperator(name)) return null;
  return { name, title };
}

/**
 * Reads the `Company Participants` / `Conference Call Participants` lists of the wire layout.
 * Returns the participants and the index of the line after the lists.
 */
export function readParticipantLists(lines: SourceLine[], from: number, until: (line: string) => boolean): {
  participants: Participant[];
  next: number;
} {
  const participants: Participant[] = [];
  let group: Participant['group'] | null = null;
  let i = from;
  for (; i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (until(t)) break;
    if (/^(company|corporate) participants:?$/i.test(t) || /^executives:?$/i.test(t)) group = 'company';
    else if (/^(conference call participants|analysts?):?$/i.test(t)) group = 'conference';
    else if (group && t) {
      const entry = splitNameTitle(t);
      if (entry) participants.push({ ...entry, group });
      else if (looksLikeName(t)) participants.push({ name: t, title: null, group });
    }
  }
  return { participants, next: i };
}

const titleWordSet = new Set(titleWords);
const titleHeadSet = new Set(titleHeadWords);

/**
 * The length of a speaker title glued in front of the speech ("Chief Financial Officer Thanks,
 * John." → the length of "Chief Financial Officer "), or 0 when the text starts with no title.
 * A known title of the speaker wins; otherwise the longest run of title words ending on a head word.
 */
export function gluedTitleLength(text: string, knownTitles: (string | null)[]): number {
  for (const known of knownTitles) {
    if (known && text.startsWith(known) && /^\s|^$/.test(text.slice(known.length, known.length + 1))) {
      return known.length + (text.slice(known.length).length - text.slice(known.length).trimStart().length);
    }
  }
  const words = /[^\s,]+(?:,)?/g;
  let lastHeadEnd = 0;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const word = m[0].replace(/,$/, '');
    if (!titleWordSet.has(word)) break;
    if (titleHeadSet.has(word)) lastHeadEnd = m.index + word.length;
  }
  if (lastHeadEnd === 0) return 0;
  const rest = text.slice(lastHeadEnd);
  return lastHeadEnd + (rest.length - rest.trimStart().length);
}

/** `Name: text` turn openers; the name may be a person, `Operator`, or a firm standing in for an analyst. */
export const colonTurn = /^([A-Z][A-Za-z'’.&\-]*(?: (?:[A-Z&][A-Za-z'’.&\-]*|de|van|von|da|of|and)){0,5}): (.*)$/;
