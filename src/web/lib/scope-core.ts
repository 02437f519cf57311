/**
 * The working scope of every page: one division (财政区划) and one fiscal year (预算年度). It lives in the
 * URL (`?division=220100&year=2026`) so links and bookmarks keep it; the API receives the same two names.
 * This file is the pure half; scope.tsx wires it to the router.
 */
export const DIVISION_PARAM = 'division';
export const YEAR_PARAM = 'year';

/** Fiscal years offered in the header, latest first; the latest is the default. */
export const FISCAL_YEARS: readonly number[] = [2026, 2025];
export const DEFAULT_FISCAL_YEAR: number = FISCAL_YEARS[0] ?? 2026;

export interface ScopeDivision {
  readonly code: string;
  readonly name: string;
}

export interface ResolvedScope {
  readonly divisionCode: string;
  readonly divisionName: string;
  readonly fiscalYear: number;
  /** True when the URL lacked the scope or asked for one the user may not see, and should be rewritten. */
  readonly corrected: boolean;
}

/**
 * Reads the scope from URL values: a division outside the user's list and a year not offered fall back to
 * the user's own division and the latest year.
 */
export function resolveScope(
  requested: { readonly division: string | null; readonly year: string | null },
  allowed: readonly ScopeDivision[],
  own: ScopeDivision,
  years: readonly number[] = FISCAL_YEARS,
): ResolvedScope {
  const division = allowed.find((d) => d.code === requested.division);
  const yearNumber = requested.year !== null && /^\d{4}$/.test(requested.year) ? Number(requested.year) : NaN;
  const yearOk = years.includes(yearNumber);
  const fallbackYear = years[0] ?? DEFAULT_FISCAL_YEAR;
  return {
    divisionCode: division?.code ?? own.code,
    divisionName: division?.name ?? own.name,
    fiscalYear: yearOk ? yearNumber : fallbackYear,
    corrected: !division || !yearOk,
  };
}

/** The query parameters an API call that depends on the scope sends. */
export function scopeQuery(scope: { divisionCode: string; fiscalYear: number }): {
  division: string;
  year: number;
} {
  return { division: scope.divisionCode, year: scope.fiscalYear };
}

/**
 * Adds the scope to an in-app link unless the link sets it itself: `/projects` →
 * `/projects?division=220100&year=2026`. External links and API paths are returned as they are.
 */
export function withScope(to: string, scope: { divisionCode: string; fiscalYear: number }): string {
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/api/')) return to;
  const url = new URL(to, 'http://app.invalid');
  if (!url.searchParams.has(DIVISION_PARAM)) url.searchParams.set(DIVISION_PARAM, scope.divisionCode);
  if (!url.searchParams.has(YEAR_PARAM)) url.searchParams.set(YEAR_PARAM, String(scope.fiscalYear));
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Only same-app paths are followed after sign-in (no open redirects). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login')) return '/';
  return next;
}
