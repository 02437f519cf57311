import { useMemo } from 'react';
import type { ColumnType } from 'antd/es/table';
import type { Fen } from '../../core/kernel/money.ts';
import {
  amountUnitLabel,
  formatAmount,
  formatCount,
  formatDate,
  formatPercent,
  formatScore,
  withUnit,
  type AmountUnit,
} from '../lib/format.ts';
import type { Light } from '../lib/grades.ts';
import { useLang } from '../lib/i18n.tsx';
import { GradeTag } from './grade-tag.tsx';
import { WarningLight } from './warning-light.tsx';

type Getter<T, V> = (row: T) => V;

interface Base<T> {
  readonly key: string;
  readonly title: string;
  readonly sorter?: ColumnType<T>['sorter'];
  readonly sortOrder?: ColumnType<T>['sortOrder'];
  readonly width?: number;
}

function base<T>(c: Base<T>): ColumnType<T> {
  const col: ColumnType<T> = { key: c.key, dataIndex: c.key, title: c.title };
  if (c.sorter !== undefined) col.sorter = c.sorter;
  if (c.sortOrder !== undefined) col.sortOrder = c.sortOrder;
  if (c.width !== undefined) col.width = c.width;
  return col;
}

/**
 * Column builders that follow the office's conventions: amounts right-aligned with the unit in the header
 * (never in cells), percentages with one decimal, scores with two, dates as 2026-07-31, grades as tags,
 * lights as dot + word.
 *
 * const col = useColumns<Project>();
 * columns={[col.text({ key: 'name', title: '项目名称' }),
 *           col.amount({ key: 'budgetFen', title: '预算金额', value: (r) => r.budgetFen })]}
 */
export function useColumns<T>() {
  const { lang } = useLang();
  return useMemo(
    () => ({
      text: (c: Base<T> & { value?: Getter<T, string | null | undefined>; ellipsis?: boolean }) => ({
        ...base(c),
        ...(c.ellipsis ? { ellipsis: true } : {}),
        ...(c.value ? { render: (_: unknown, row: T) => c.value!(row) ?? '—' } : {}),
      }),
      amount: (c: Base<T> & { value: Getter<T, Fen | null | undefined>; unit?: AmountUnit }) => ({
        ...base(c),
        title: withUnit(c.title, amountUnitLabel(c.unit ?? 'wan', lang), lang),
        align: 'right' as const,
        render: (_: unknown, row: T) => <span className="jx-num">{formatAmount(c.value(row), c.unit)}</span>,
      }),
      count: (c: Base<T> & { value: Getter<T, number | null | undefined> }) => ({
        ...base(c),
        align: 'right' as const,
        render: (_: unknown, row: T) => <span className="jx-num">{formatCount(c.value(row))}</span>,
      }),
      percent: (c: Base<T> & { value: Getter<T, number | null | undefined>; ratio?: boolean }) => ({
        ...base(c),
        align: 'right' as const,
        render: (_: unknown, row: T) => (
          <span className="jx-num">{formatPercent(c.value(row), { ratio: c.ratio ?? false })}</span>
        ),
      }),
      score: (c: Base<T> & { value: Getter<T, number | null | undefined> }) => ({
        ...base(c),
        align: 'right' as const,
        render: (_: unknown, row: T) => <span className="jx-num">{formatScore(c.value(row))}</span>,
      }),
      date: (c: Base<T> & { value: Getter<T, string | Date | null | undefined> }) => ({
        ...base(c),
        render: (_: unknown, row: T) => <span className="jx-num">{formatDate(c.value(row))}</span>,
      }),
      grade: (c: Base<T> & { value: Getter<T, string | null | undefined> }) => ({
        ...base(c),
        align: 'center' as const,
        render: (_: unknown, row: T) => {
          const g = c.value(row);
          return g ? <GradeTag grade={g} /> : '—';
        },
      }),
      light: (c: Base<T> & { value: Getter<T, Light | null | undefined> }) => ({
        ...base(c),
        render: (_: unknown, row: T) => {
          const l = c.value(row);
          return l ? <WarningLight light={l} /> : '—';
        },
      }),
    }),
    [lang],
  );
}
