import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TableSpec } from '../../schemas/columns.ts';
import { dataDictionary } from '../report/data-dictionary.ts';
import { writeReport, type ChartCache } from '../report/report.ts';
import { writeArrow } from './arrow.ts';
import { writeCsv } from './csv.ts';
import { dataPackage } from './datapackage.ts';
import { datasetMarker, datasetMarkerText } from './output-folder.ts';
import { writeParquet } from './parquet.ts';
import { kpiWideTable } from './views.ts';
import { readView } from './read-view.ts';

/** The marker and the csv/ and arrow/ folders, before any table is written. */
export async function startDataset(dir: string): Promise<void> {
  await writeFile(path.join(dir, datasetMarker), datasetMarkerText);
  await mkdir(path.join(dir, 'csv'), { recursive: true });
  await mkdir(path.join(dir, 'arrow'), { recursive: true });
}

/** What follows the tables, read back from hashkpi.duckdb: kpi_wide, Parquet, datapackage.json, the data dictionary, the report. */
export async function finishDataset(
  dir: string,
  tables: readonly { table: TableSpec; rows: number }[],
  version: string,
  step: (name: string) => void = () => undefined,
  chartCache?: ChartCache,
): Promise<void> {
  const duckDbFile = path.join(dir, 'hashkpi.duckdb');
  const wide = await readView(duckDbFile, kpiWideTable);
  await writeCsv(path.join(dir, 'csv', `${kpiWideTable.name}.csv`), kpiWideTable, wide);
  await writeArrow(path.join(dir, 'arrow', `${kpiWideTable.name}.arrow`), kpiWideTable, wide);
  step('kpi_wide');
  const written = [...tables, { table: kpiWideTable, rows: wide.length }];
  // DuckDB writes Parquet in its own threads while this one makes the report
  await Promise.all([
    writeParquet(duckDbFile, path.join(dir, 'parquet'), written),
    writeReport(dir, chartCache),
  ]);
  step('parquet_and_report');
  const descriptor = dataPackage(written, version);
  await writeFile(path.join(dir, 'datapackage.json'), JSON.stringify(descriptor, null, 2) + '\n');
  await writeFile(path.join(dir, 'DATA_DICTIONARY.md'), dataDictionary());
}
