// The Frictionless JavaScript library ships no types: what the data package test uses of it.
declare module 'datapackage' {
  export class Resource {
    readonly name: string;
    readonly source: string;
    readonly tabular: boolean;
    readonly descriptor: { encoding?: string; schema?: { primaryKey?: string[]; foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[] } };
    readonly schema: object;
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly profile: { name: string };
    readonly resources: Resource[];
  }
}
