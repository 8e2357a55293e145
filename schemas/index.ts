export { documents } from './documents.ts';
export { ingestErrors } from './ingest_errors.ts';
export { speakers } from './speakers.ts';
export { paragraphs } from './paragraphs.ts';
export { sentences } from './sentences.ts';
export { mentions } from './mentions.ts';
export { facts } from './facts.ts';
export { outputTables } from './tables.ts';
export { columnsOf, type Row, type TableSpec, type ColumnSpec } from './columns.ts';
