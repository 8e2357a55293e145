import { colon } from '../pipeline/ingest/formats/colon.ts';
import { fool } from '../pipeline/ingest/formats/fool.ts';
import { statementdog } from '../pipeline/ingest/formats/statementdog.ts';
import { webcopy, wire } from '../pipeline/ingest/formats/wire.ts';
import type { TranscriptFormat } from '../pipeline/ingest/layout.ts';

/** Transcript layouts, asked in this order; the first whose `detect` says yes reads the file. */
export const transcriptFormats: readonly TranscriptFormat[] = [statementdog, webcopy, wire, fool, colon];
