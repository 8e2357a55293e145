import { outputTables } from '../schemas/tables.ts';
import { listTranscriptFiles, readTranscriptBytes } from './ingest/read-folder.ts';
import { processTranscript, type DocumentRows } from './process-transcript.ts';
import { pipelineVersion } from './version.ts';
import { checkRows } from './validate/schema-check.ts';
import { writeDataset, type TableRows } from './write/dataset.ts';
import { withAtomicFolder } from './write/output-folder.ts';

export interface BuildOptions {
  input: string;
  out: string;
  jobs: number;
  strict: boolean;
  log?: (line: string) => void;
}

export interface BuildSummary {
  filesRead: number;
  documents: number;
  skipped: number;
  duplicates: number;
  rows: Record<string, number>;
  problemsBySeverity: Record<string, number>;
  errorCount: number;
}

type TableName = (typeof outputTables)[number]['name'];

/** The whole flow: list files → per document (ingest → segment → ...) → dataset-wide checks → write. */
export async function buildDataset(options: BuildOptions): Promise<BuildSummary> {
  const files = await listTranscriptFiles(options.input);
  const perFile: DocumentRows[] = [];
  for (const file of files) perFile.push(processTranscript(file, await readTranscriptBytes(options.input, file)));

  const rows = mergeDocuments(files, perFile);
  const tables: TableRows[] = outputTables.map((table) => ({ table, rows: rows[table.name as TableName] ?? [] }));
  const checked = tables.map(({ table, rows: tableRows }) => {
    const { valid, invalid } = checkRows(table, tableRows);
    for (const bad of invalid) options.log?.(`schema: ${table.name}: ${bad.reason}`);
    return { table, rows: valid };
  });

  await withAtomicFolder(options.out, (dir) => writeDataset(dir, checked, pipelineVersion));

  const errorsTable = rows.ingest_errors;
  const problemsBySeverity: Record<string, number> = {};
  for (const e of errorsTable) problemsBySeverity[e.severity] = (problemsBySeverity[e.severity] ?? 0) + 1;
  return {
    filesRead: files.length,
    documents: rows.documents.length,
    skipped: errorsTable.filter((e) => e.action === 'skipped').length,
    duplicates: errorsTable.filter((e) => e.problem === 'duplicate').length,
    rows: Object.fromEntries(checked.map(({ table, rows: r }) => [table.name, r.length])),
    problemsBySeverity,
    errorCount: problemsBySeverity.error ?? 0,
  };
}

/** Joins the documents' rows; a byte-identical file under another name is processed once and reported. */
function mergeDocuments(files: string[], perFile: DocumentRows[]): Record<TableName, Record<string, unknown>[]> & { documents: DocumentRows['documents']; ingest_errors: DocumentRows['ingest_errors'] } {
  const merged = { documents: [], speakers: [], paragraphs: [], sentences: [], ingest_errors: [], mentions: [], facts: [] } as unknown as Record<TableName, Record<string, unknown>[]> & {
    documents: DocumentRows['documents'];
    ingest_errors: DocumentRows['ingest_errors'];
  };
  const firstBySha = new Map<string, string>();
  perFile.forEach((doc, i) => {
    const first = doc.sha256 ? firstBySha.get(doc.sha256) : undefined;
    if (first) {
      merged.ingest_errors.push({
        source_path: files[i],
        problem: 'duplicate',
        severity: 'warning',
        message: `${files[i]}: byte-identical to ${first}; processed once, under ${first}.`,
        action: 'processed_once',
        doc_id: doc.documents[0]?.doc_id ?? null,
      });
      return;
    }
    if (doc.sha256) firstBySha.set(doc.sha256, files[i]);
    for (const key of Object.keys(merged) as TableName[]) {
      const part = (doc as unknown as Record<string, Record<string, unknown>[] | undefined>)[key];
      if (part) merged[key].push(...part);
    }
  });
  return merged;
}
