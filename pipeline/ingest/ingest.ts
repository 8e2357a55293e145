import { createHash } from 'node:crypto';
import { transcriptFormats } from '../../registries/formats.ts';
import { decodeTranscript } from './decode.ts';
import { readCallMetadata } from './metadata.ts';
import { splitLines } from './source-text.ts';
import type { IngestProblem, TranscriptDocument } from './transcript.ts';

export interface IngestResult {
  document: TranscriptDocument | null;
  problems: IngestProblem[];
}

/** Turns one file's bytes into a transcript document, or into problems that say why not. */
export function ingestTranscript(sourcePath: string, bytes: Uint8Array): IngestResult {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const docId = sha256.slice(0, 16);
  const decoded = decodeTranscript(bytes);
  if (!decoded.ok) {
    return { document: null, problems: [skipped(sourcePath, decoded.problem, `${sourcePath}: ${decoded.message}; skipped.`)] };
  }
  const text = decoded.text;
  const lines = splitLines(text);
  const format = transcriptFormats.find((f) => f.detect(text, lines));
  if (!format) {
    // a README or notes beside the transcripts: nothing is lost by skipping it, so a warning (--strict passes)
    const message = `${sourcePath}: not a transcript in any known layout (${transcriptFormats.map((f) => f.id).join(', ')}): no speaker turns found; skipped.`;
    return { document: null, problems: [{ ...skipped(sourcePath, 'not_a_transcript', message), severity: 'warning' }] };
  }
  const layout = format.parse(text, lines);
  const problems: IngestProblem[] = [];
  const turns = layout.blocks.filter((b) => b.kind === 'turn').length;
  const paragraphs = layout.blocks.filter((b) => b.kind === 'paragraph' && b.en).length;
  if (turns === 0 || paragraphs === 0) {
    return {
      document: null,
      problems: [skipped(sourcePath, 'no_speakers', `${sourcePath}: looks like the ${format.id} layout but has ${turns} speaker turns and ${paragraphs} English paragraphs; skipped.`)],
    };
  }
  const openingText = layout.blocks
    .flatMap((b) => (b.kind === 'paragraph' && b.en ? [text.slice(b.en.start, b.en.end)] : []))
    .slice(0, 8)
    .join('\n');
  const headerText = lines.slice(0, 12).map((l) => l.text).join('\n');
  const metadata = readCallMetadata({ titleLine: layout.titleLine, openingText, fileName: sourcePath, headerText, fullText: text });
  if (!metadata.ticker || !metadata.callPeriod) {
    const missing = [!metadata.ticker && 'ticker', !metadata.callPeriod && 'call period'].filter(Boolean).join(' and ');
    problems.push({
      sourcePath,
      problem: 'no_metadata',
      severity: 'warning',
      message: `${sourcePath}: no ${missing} found in the title line, the operator's welcome or the file name; facts of this document lack it.`,
      action: 'processed',
      docId,
    });
  }
  const truncated = truncation(text);
  if (truncated) problems.push({ sourcePath, problem: 'truncated', severity: 'warning', message: `${sourcePath}: ${truncated}`, action: 'processed', docId });
  return {
    document: { docId, sourcePath, sha256, encoding: decoded.encoding, text, format: format.id, layout, metadata },
    problems,
  };
}

/** A transcript cut off mid-paragraph ends without closing punctuation. */
function truncation(text: string): string | null {
  const tail = text.trimEnd();
  const lastLine = tail.slice(tail.lastIndexOf('\n') + 1).trim();
  if (/[.?!。？！)"”’\]]$/.test(lastLine) || lastLine.length < 40) return null;
  return `the last paragraph ends mid-sentence ("…${lastLine.slice(-40)}"): the transcript may be cut off.`;
}

function skipped(sourcePath: string, problem: string, message: string): IngestProblem {
  return { sourcePath, problem, severity: 'error', message, action: 'skipped', docId: null };
}
