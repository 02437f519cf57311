import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import {
  PAGE_SIZES,
  readTableQuery,
  tableApiQuery,
  tableExportQuery,
  toAntdOrder,
  toApiOrder,
  writeTableQuery,
  type TableQuery,
  type TableQueryOptions,
} from '../lib/table-query.ts';

/**
 * Server-side paging, sorting, search and column filters for a DataTable, kept in the URL.
 *
 * const table = useServerTable({ defaultSort: { sort: 'amountFen', order: 'desc' } });
 * const { data } = useQuery({ queryKey: ['projects', scope, table.query],
 *   queryFn: () => api.get<Page<Project>>('/projects', { query: { ...scopeQuery(scope), ...table.apiQuery } }) });
 * <DataTable {...table.tableProps(data?.total)} dataSource={data?.items} columns={[
 *   { title: '金额（万元）', dataIndex: 'amountFen', sorter: true, sortOrder: table.sortOrderOf('amountFen') }]} />
 */
export function useServerTable(options: TableQueryOptions = {}) {
  const [params, setParams] = useSearchParams();
  const { prefix, defaultPageSize, defaultSort } = options;
  const opts = useMemo<TableQueryOptions>(
    () => ({
      ...(prefix !== undefined ? { prefix } : {}),
      ...(defaultPageSize !== undefined ? { defaultPageSize } : {}),
      ...(defaultSort !== undefined ? { defaultSort } : {}),
    }),
    // defaultSort is compared by value so callers may pass a literal
    [prefix, defaultPageSize, defaultSort?.sort, defaultSort?.order],
  );
  const query = useMemo(() => readTableQuery(params, opts), [params, opts]);

  const setQuery = useCallback(
    (next: TableQuery) => setParams((p) => writeTableQuery(p, next, opts)),
    [setParams, opts],
  );

  const onChange = useCallback(
    (
      pagination: TablePaginationConfig,
      filters: Record<string, (string | number | boolean | bigint)[] | null>,
      sorter: SorterResult<unknown> | SorterResult<unknown>[],
    ) => {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const order = toApiOrder(s?.order);
      const sortKey = s && order ? String(s.columnKey ?? s.field ?? '') || undefined : undefined;
      const nextFilters: Record<string, string[]> = {};
      for (const [key, values] of Object.entries(filters)) {
        if (values && values.length > 0) nextFilters[key] = values.map(String);
      }
      const pageSize = pagination.pageSize ?? query.pageSize;
      const changedShape =
        pageSize !== query.pageSize ||
        sortKey !== query.sort ||
        JSON.stringify(nextFilters) !== JSON.stringify(query.filters);
      setQuery({
        ...query,
        page: changedShape ? 1 : (pagination.current ?? 1),
        pageSize,
        sort: sortKey ?? defaultSort?.sort,
        order: order ?? defaultSort?.order ?? 'asc',
        filters: nextFilters,
      });
    },
    [query, setQuery, defaultSort?.sort, defaultSort?.order],
  );

  const setSearch = useCallback(
    (q: string) => setQuery({ ...query, q: q.trim() || undefined, page: 1 }),
    [query, setQuery],
  );

  const sortOrderOf = useCallback(
    (key: string): 'ascend' | 'descend' | null => (query.sort === key ? toAntdOrder(query.order) : null),
    [query.sort, query.order],
  );
  const filteredValueOf = useCallback(
    (key: string): string[] | null => {
      const v = query.filters[key];
      return v ? [...v] : null;
    },
    [query.filters],
  );

  /** Spread into DataTable: controlled pagination and the change handler. */
  const tableProps = useCallback(
    <T>(total: number | undefined): Pick<TableProps<T>, 'pagination' | 'onChange'> => ({
      pagination: {
        current: query.page,
        pageSize: query.pageSize,
        total: total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
      },
      onChange: onChange as unknown as NonNullable<TableProps<T>['onChange']>,
    }),
    [query.page, query.pageSize, onChange],
  );

  return {
    query,
    /** For the API call of the current page. */
    apiQuery: useMemo(() => tableApiQuery(query), [query]),
    /** For 导出Excel: the same filters and order, no paging. */
    exportQuery: useMemo(() => tableExportQuery(query), [query]),
    setQuery,
    setSearch,
    sortOrderOf,
    filteredValueOf,
    tableProps,
  };
}
