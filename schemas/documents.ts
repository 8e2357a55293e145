import { z } from 'zod';
import { date, defineTable, integer, text } from './columns.ts';

export const documents = defineTable({
  name: 'documents',
  description: 'One row per input transcript read: where it came from, its layout and what call it is.',
  grain: 'input transcript read',
  key: ['doc_id'],
  primaryKey: ['doc_id'],
  schema: z.object({
    doc_id: text('Document id: the first 16 hex digits of the SHA-256 of the file bytes'),
    source_path: text('Path of the file relative to the input folder, with / separators'),
    format: text('Transcript layout recognised: statementdog, wire, webcopy, fool, colon'),
    company: text('Company name as the transcript gives it').nullable(),
    ticker: text('Ticker as written, without an exchange prefix (NASDAQ: CAN gives CAN; HIVE:CA keeps :CA)').nullable(),
    call_period: text('Fiscal quarter the call reports, e.g. 2024Q3').nullable(),
    fiscal_year: integer('Fiscal year of the call period').nullable(),
    fiscal_quarter: integer('Fiscal quarter (1-4) of the call period').nullable(),
    call_date: date('Date the call was held, where the transcript gives it').nullable(),
    fiscal_year_end_month: integer('Month (1-12) the company\'s fiscal year ends in').nullable(),
    quarter_start: date('First day of the call\'s fiscal quarter').nullable(),
    quarter_end: date('Last day of the call\'s fiscal quarter').nullable(),
    calendar_source: text('Where the fiscal calendar came from: stated in the call, the company registry, assumed from the call day, or the calendar year').nullable(),
    metadata_source: text('Where ticker and period came from: title, welcome, filename, or a combination'),
    encoding: text('Encoding the file was decoded from: utf-8, utf-8-bom, utf-16le, utf-16be'),
    sha256: text('SHA-256 of the file bytes, hex'),
    char_count: integer('Length of the decoded text in Unicode code points (a leading BOM removed)'),
    paragraph_count: integer('Number of content paragraphs'),
    speaker_count: integer('Number of speakers who speak'),
  }),
});
