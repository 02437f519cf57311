import { useMemo, type ReactNode } from 'react';
import { Select, TreeSelect, Typography } from 'antd';
import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { buildDivisionTree, type DivisionTreeItem, type FlatDivision } from '../../lib/divisions.ts';
import { useT } from '../../lib/i18n.tsx';
import { FISCAL_YEARS } from '../../lib/scope-core.ts';
import { useScope } from '../../lib/scope.tsx';
import { useSession } from '../../lib/session.tsx';

interface Option {
  value: string;
  title: ReactNode;
  label: string;
  search: string;
  children: Option[];
}

function toOptions(items: readonly DivisionTreeItem<FlatDivision>[]): Option[] {
  return items.map(({ division: d, children }) => ({
    value: d.code,
    label: d.name,
    search: `${d.name} ${d.code}`,
    title: (
      <span>
        {d.name}
        <Typography.Text type="secondary" className="jx-num" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {d.code}
        </Typography.Text>
      </span>
    ),
    children: toOptions(children),
  }));
}

/**
 * The header's scope: the current division (a TreeSelect over the user's own division and those below,
 * or plain text for users who see only one) and the fiscal year. Both are always visible.
 */
export function ScopeSwitcher() {
  const t = useT();
  const me = useSession();
  const scope = useScope();
  const options = useMemo(() => toOptions(buildDivisionTree(me.divisions)), [me.divisions]);
  const rootCodes = useMemo(() => options.map((o) => o.value), [options]);

  return (
    <>
      {me.divisions.length > 1 ? (
        <TreeSelect<string, Option>
          aria-label={t('scope.switchDivision')}
          prefix={<EnvironmentOutlined aria-hidden />}
          value={scope.divisionCode}
          treeData={options}
          treeNodeLabelProp="label"
          treeDefaultExpandedKeys={rootCodes}
          showSearch={{
            filterTreeNode: (input, node) =>
              String((node as unknown as Option).search ?? '')
                .toLowerCase()
                .includes(input.trim().toLowerCase()),
          }}
          placeholder={t('scope.searchDivision')}
          popupMatchSelectWidth={320}
          style={{ width: 240, minWidth: 0 }}
          onChange={(code) => code && scope.setDivision(code)}
        />
      ) : (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
          <EnvironmentOutlined aria-hidden />
          <span aria-label={t('scope.division')}>{scope.divisionName}</span>
        </span>
      )}
      <Select<number>
        aria-label={t('scope.fiscalYear')}
        prefix={<CalendarOutlined aria-hidden />}
        value={scope.fiscalYear}
        options={FISCAL_YEARS.map((y) => ({ value: y, label: t('scope.yearOption', { year: y }) }))}
        onChange={(y) => scope.setFiscalYear(y)}
        style={{ width: 132 }}
      />
    </>
  );
}
