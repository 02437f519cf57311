import { useId, useState, type ReactNode } from 'react';
import { Card, Switch, Table } from 'antd';
import { TableOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../lib/i18n.tsx';
import { EChart } from './echart.tsx';
import type { ChartOption } from './echarts.ts';

/**
 * A chart in a card with its data as a table beside it (UX.md: "a table view beside every chart"). The
 * 表格 switch shows the table next to the chart (below it in narrow cards); on paper the table always
 * prints. Give the rows and columns the chart was drawn from, and an `empty` state for no data.
 */
export function ChartPanel<T extends object>({
  title,
  option,
  rows,
  columns,
  rowKey,
  height = 300,
  extra,
  empty,
  defaultShowTable = false,
}: {
  title: string;
  option: ChartOption;
  rows: readonly T[];
  columns: ColumnsType<T>;
  rowKey: keyof T & string;
  height?: number;
  extra?: ReactNode;
  /** Shown instead of chart and table when there are no rows. */
  empty?: ReactNode;
  defaultShowTable?: boolean;
}) {
  const t = useT();
  const [showTable, setShowTable] = useState(defaultShowTable);
  const switchId = useId();
  const hasRows = rows.length > 0;
  return (
    <Card
      title={title}
      className="jx-chart-panel"
      styles={{ body: { paddingTop: 12 } }}
      extra={
        <span style={{ display: 'inline-flex', gap: 12, alignItems: 'center' }}>
          {extra}
          {hasRows ? (
            <span className="jx-no-print" style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
              <TableOutlined aria-hidden />
              <label htmlFor={switchId}>{t('common.table')}</label>
              <Switch id={switchId} size="small" checked={showTable} onChange={setShowTable} />
            </span>
          ) : null}
        </span>
      }
    >
      {hasRows ? (
        <div className={`jx-chart-grid${showTable ? ' is-with-table' : ''}`}>
          <EChart option={option} height={height} label={title} />
          <div className="jx-chart-table">
            <Table<T>
              size="small"
              rowKey={rowKey}
              columns={columns}
              dataSource={rows as T[]}
              pagination={false}
            />
          </div>
        </div>
      ) : (
        empty
      )}
    </Card>
  );
}
