import type { ReactNode } from 'react';
import { Table, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../lib/i18n.tsx';

/** The app header's height: sticky table headers stop below it. */
const HEADER_HEIGHT = 56;

export interface DataTableProps<T> extends Omit<TableProps<T>, 'columns' | 'title'> {
  readonly columns: ColumnsType<T>;
  /** A 序号 column (1, 2, 3 … continuing across pages). Default on. */
  readonly serial?: boolean;
  /** Left of the toolbar above the table: search box, filters. */
  readonly toolbar?: ReactNode;
  /** Right of the toolbar: the 导出Excel button (ExportExcelButton) and other actions. */
  readonly exportSlot?: ReactNode;
}

/**
 * antd's Table as the office expects it: sticky header, a 序号 column, a toolbar with the 导出Excel slot,
 * horizontal scrolling instead of overflow. For server-side paging and sorting spread
 * `useServerTable().tableProps(total)` into it.
 */
export function DataTable<T extends object>({
  columns,
  serial = true,
  toolbar,
  exportSlot,
  pagination,
  scroll,
  size = 'middle',
  ...rest
}: DataTableProps<T>) {
  const t = useT();
  const offset =
    pagination && typeof pagination === 'object' && pagination.current && pagination.pageSize
      ? (pagination.current - 1) * pagination.pageSize
      : 0;
  const serialColumn: ColumnsType<T>[number] = {
    key: '__serial',
    title: t('common.serial'),
    width: 64,
    align: 'center',
    fixed: 'left',
    render: (_value, _record, index) => <span className="jx-num">{offset + index + 1}</span>,
  };
  const withTotal =
    pagination && typeof pagination === 'object'
      ? {
          showTotal: (total: number) => t('common.total', { total }),
          ...pagination,
        }
      : pagination;
  return (
    <div>
      {toolbar || exportSlot ? (
        <div className="jx-table-toolbar jx-no-print">
          <div className="jx-table-toolbar-left">{toolbar}</div>
          <div className="jx-table-toolbar-right">{exportSlot}</div>
        </div>
      ) : null}
      <Table<T>
        {...rest}
        size={size}
        columns={serial ? [serialColumn, ...columns] : columns}
        sticky={{ offsetHeader: HEADER_HEIGHT }}
        scroll={{ x: 'max-content', ...scroll }}
        {...(withTotal !== undefined ? { pagination: withTotal } : {})}
      />
    </div>
  );
}
