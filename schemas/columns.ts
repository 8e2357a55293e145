import { z } from 'zod';

/**
 * Column builders for table schemas. Every column carries its description (used for the
 * DuckDB `COMMENT ON`, the datapackage.json and the README's data dictionary) and one of a
 * few storage kinds that the writers map to CSV, Arrow and DuckDB types.
 */
export const text = (description: string) => z.string().describe(description);
export const integer = (description: string) => z.number().int().describe(description);
export const double = (description: string) => z.number().describe(description);
export const flag = (description: string) => z.boolean().describe(description);
/**
 * Text the stages leave empty for "none" (a bare number's unit, a phrase with no flag): stored as
 * NULL, so that in every output a missing value is NULL and never ''.
 */
const emptyMeansNull = new WeakSet<z.ZodTypeAny>();
export const textOrNull = (description: string) => {
  const column = z.string().describe(description);
  emptyMeansNull.add(column);
  return column;
};
/** A calendar day, ISO yyyy-mm-dd in rows and CSV; a DATE in DuckDB and Parquet, Date32 in Arrow, `date` in datapackage.json. */
export const date = (description: string) => z.string().date().describe(description);

export type ColumnKind = 'string' | 'integer' | 'double' | 'boolean' | 'date';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  /** may be NULL in the outputs (an empty text is written as NULL) */
  nullable: boolean;
  description: string;
}

export interface TableSpec<S extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  description: string;
  /** what one row is */
  grain: string;
  schema: z.ZodObject<S>;
  /** columns that identify a row; rows are written sorted by them */
  key: string[];
  /**
   * The PRIMARY KEY of DuckDB and datapackage.json: unique, never null. Absent where no set of
   * non-null columns identifies a row.
   */
  primaryKey?: string[];
  /** References to other tables' primary keys, declared in datapackage.json. */
  foreignKeys?: ForeignKey[];
}

export interface ForeignKey {
  columns: string[];
  table: string;
  references: string[];
}

export function defineTable<S extends z.ZodRawShape>(spec: TableSpec<S>): TableSpec<S> {
  return spec;
}

export type Row<T extends TableSpec> = z.infer<T['schema']>;

/** Reads the column list off a table's zod schema, in declaration order. */
export function columnsOf(table: TableSpec): ColumnSpec[] {
  return Object.entries(table.schema.shape).map(([name, field]) => {
    let inner = field as z.ZodTypeAny;
    let nullable = emptyMeansNull.has(field as z.ZodTypeAny);
    while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) {
      nullable = true;
      inner = inner.unwrap();
    }
    const description = (field as z.ZodTypeAny).description ?? inner.description ?? '';
    return { name, kind: kindOf(inner, table.name, name), nullable, description };
  });
}

function kindOf(field: z.ZodTypeAny, table: string, column: string): ColumnKind {
  if (field instanceof z.ZodString && field._def.checks.some((c) => c.kind === 'date')) return 'date';
  if (field instanceof z.ZodString || field instanceof z.ZodEnum) return 'string';
  if (field instanceof z.ZodBoolean) return 'boolean';
  if (field instanceof z.ZodNumber) return field.isInt ? 'integer' : 'double';
  throw new Error(`${table}.${column}: expected a string, number or boolean column, found ${field.constructor.name}`);
}
