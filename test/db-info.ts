/**
 * What the db global setup hands to each test file (through vitest's provide/inject).
 */
export type TestDbInfo =
  | {
      readonly kind: 'pglite';
      /** Dump of a migrated, empty database. */
      readonly emptyDump: string;
      /** Dump of a migrated database with the reference seed loaded. */
      readonly referenceDump: string;
    }
  | {
      readonly kind: 'server';
      /** URL of the maintenance database on the server (CREATE/DROP DATABASE run there). */
      readonly adminUrl: string;
      /** Prefix of every database this run creates; teardown drops them all. */
      readonly prefix: string;
      readonly emptyTemplate: string;
      readonly referenceTemplate: string;
    };

declare module 'vitest' {
  export interface ProvidedContext {
    jixiaoTestDb: TestDbInfo;
  }
}

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Quotes an identifier we generated ourselves (letters, digits, underscores). */
export function ident(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
}
