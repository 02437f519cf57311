/**
 * Division scoping (M10): every user sees their own division and what lies below it. `inDivisionSubtree`
 * is the SQL condition repositories add to their WHERE clauses.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { divisions } from './schema.ts';

/** `column` is the division `scopeCode` or one below it. */
export function inDivisionSubtree(column: AnyPgColumn, scopeCode: string): SQL {
  return sql`${column} in (select d.code from ${divisions} d, ${divisions} s where s.code = ${scopeCode} and (d.path = s.path or d.path like s.path || '/%'))`;
}

/** The path's codes from the root down: '220000/220100/220102' → ['220000', '220100', '220102']. */
export function pathCodes(path: string): string[] {
  return path.split('/').filter((c) => c.length > 0);
}
