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

export type ColumnKind = 'string' | 'integer' | 'double' | 'boolean';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
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
}

export function defineTable<S extends z.ZodRawShape>(spec: TableSpec<S>): TableSpec<S> {
  return spec;
}

export type Row<T extends TableSpec> = z.infer<T['schema']>;

/** Reads the column list off a table's zod schema, in declaration order. */
export function columnsOf(table: TableSpec): ColumnSpec[] {
  return Object.entries(table.schema.shape).map(([name, field]) => {
    let inner = field as z.ZodTypeAny;
    let nullable = false;
    while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) {
      nullable = true;
      inner = inner.unwrap();
    }
    const description = (field as z.ZodTypeAny).description ?? inner.description ?? '';
    return { name, kind: kindOf(inner, table.name, name), nullable, description };
  });
}

function kindOf(field: z.ZodTypeAny, table: string, column: string): ColumnKind {
  if (field instanceof z.ZodString || field instanceof z.ZodEnum) return 'string';
  if (field instanceof z.ZodBoolean) return 'boolean';
  if (field instanceof z.ZodNumber) return field.isInt ? 'integer' : 'double';
  throw new Error(`${table}.${column}: expected a string, number or boolean column, found ${field.constructor.name}`);
}
