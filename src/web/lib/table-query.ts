/**
 * Server-side paging, sorting, searching and column filters of a table, kept in the URL so a link or the
 * back button shows the same rows. The names match the API's PageQuery (page, pageSize, sort, order, q);
 * column filters travel as `f.<column>=a,b` in the URL and as repeated `<column>=a&<column>=b` to the API.
 */
export const PAGE_SIZES = [20, 50, 100, 200] as const;

export interface TableQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly sort: string | undefined;
  readonly order: 'asc' | 'desc';
  readonly q: string | undefined;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

export interface TableQueryOptions {
  /** Distinguishes two tables on one page: 'a.' gives a.page, a.sort … */
  readonly prefix?: string;
  readonly defaultPageSize?: number;
  readonly defaultSort?: { readonly sort: string; readonly order: 'asc' | 'desc' };
}

const FILTER = 'f.';

function positiveInt(raw: string | null, fallback: number, max: number): number {
  if (raw === null || !/^\d+$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : fallback;
}

export function readTableQuery(params: URLSearchParams, options: TableQueryOptions = {}): TableQuery {
  const p = options.prefix ?? '';
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (key.startsWith(p + FILTER) && value !== '') {
      filters[key.slice((p + FILTER).length)] = value.split(',').filter((v) => v !== '');
    }
  }
  const sort = params.get(`${p}sort`) || options.defaultSort?.sort;
  const orderRaw = params.get(`${p}order`);
  const order = orderRaw === 'asc' || orderRaw === 'desc' ? orderRaw : (options.defaultSort?.order ?? 'asc');
  const q = params.get(`${p}q`)?.trim();
  return {
    page: positiveInt(params.get(`${p}page`), 1, 1_000_000),
    pageSize: positiveInt(params.get(`${p}pageSize`), options.defaultPageSize ?? 20, 500),
    sort: sort || undefined,
    order,
    q: q ? q : undefined,
    filters,
  };
}

/** Writes a table query into URL params (defaults are left out so URLs stay short). */
export function writeTableQuery(
  params: URLSearchParams,
  query: TableQuery,
  options: TableQueryOptions = {},
): URLSearchParams {
  const p = options.prefix ?? '';
  const next = new URLSearchParams(params);
  const setOrDelete = (key: string, value: string | undefined, fallback?: string) => {
    if (value === undefined || value === '' || value === fallback) next.delete(p + key);
    else next.set(p + key, value);
  };
  setOrDelete('page', String(query.page), '1');
  setOrDelete('pageSize', String(query.pageSize), String(options.defaultPageSize ?? 20));
  setOrDelete('sort', query.sort);
  setOrDelete('order', query.sort ? query.order : undefined);
  setOrDelete('q', query.q);
  for (const key of [...next.keys()]) if (key.startsWith(p + FILTER)) next.delete(key);
  for (const [key, values] of Object.entries(query.filters)) {
    if (values.length > 0) next.set(p + FILTER + key, values.join(','));
  }
  return next;
}

/** The query the API receives: PageQuery fields plus each column filter as a repeated parameter. */
export function tableApiQuery(query: TableQuery): Record<string, string | number | readonly string[]> {
  const out: Record<string, string | number | readonly string[]> = {
    page: query.page,
    pageSize: query.pageSize,
  };
  if (query.sort) {
    out['sort'] = query.sort;
    out['order'] = query.order;
  }
  if (query.q) out['q'] = query.q;
  for (const [key, values] of Object.entries(query.filters)) if (values.length > 0) out[key] = values;
  return out;
}

/** The same query without paging: what 导出Excel exports (every filtered row, in the shown order). */
export function tableExportQuery(query: TableQuery): Record<string, string | number | readonly string[]> {
  const { page: _page, pageSize: _pageSize, ...rest } = tableApiQuery(query);
  return rest;
}

/** antd's sorter order ↔ the API's. */
export const toApiOrder = (o: 'ascend' | 'descend' | null | undefined): 'asc' | 'desc' | undefined =>
  o === 'ascend' ? 'asc' : o === 'descend' ? 'desc' : undefined;
export const toAntdOrder = (o: 'asc' | 'desc'): 'ascend' | 'descend' => (o === 'asc' ? 'ascend' : 'descend');
