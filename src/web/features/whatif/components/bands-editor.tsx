import { useMemo } from 'react';
import { Alert, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { validateGradeScheme, type GradeBand, type GradeScheme } from '../../../../core/scoring/grades.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { whatIfMessages } from '../messages.ts';

/**
 * 等次划分: the scenario's grade bands — a preset to start from and every band's lower bound (inclusive)
 * editable, with the range each band covers and the bound the baseline had. Problems are listed as you
 * type (core `validateGradeScheme`).
 */
export function BandsEditor({
  baseline,
  value,
  presets,
  onChange,
}: {
  baseline: GradeScheme | null;
  value: GradeScheme;
  presets: readonly GradeScheme[];
  onChange: (scheme: GradeScheme) => void;
}) {
  const t = useMessages(whatIfMessages);
  const { lang } = useLang();
  const problems = useMemo(() => {
    const v = validateGradeScheme(value);
    return v.ok ? [] : ((v.error.details as { problems: string[] }).problems ?? []);
  }, [value]);
  const wasOf = (code: string) => baseline?.bands.find((b) => b.code === code)?.min;

  const setMin = (code: string, min: number | null) => {
    if (min === null || !Number.isFinite(min)) return;
    onChange({ ...value, bands: value.bands.map((b) => (b.code === code ? { ...b, min } : b)) });
  };

  const columns: ColumnsType<GradeBand & { upper: number | null }> = [
    {
      key: 'grade',
      title: t('bands.grade'),
      width: 90,
      render: (_: unknown, b) => <Tag color={b.color}>{lang === 'en' ? b.labelEn : b.label}</Tag>,
    },
    {
      key: 'min',
      title: t('bands.min'),
      width: 150,
      onCell: (b) =>
        wasOf(b.code) !== undefined && wasOf(b.code) !== b.min ? { style: { background: '#fffbe6' } } : {},
      render: (_: unknown, b) => {
        const was = wasOf(b.code);
        const input = (
          <InputNumber
            size="small"
            min={0}
            step={1}
            precision={2}
            value={b.min}
            onChange={(v) => setMin(b.code, v)}
            style={{ width: 100 }}
            aria-label={`${b.label} ${t('bands.min')}`}
          />
        );
        return was !== undefined && was !== b.min ? (
          <Tooltip title={t('tree.was', { value: was })}>{input}</Tooltip>
        ) : (
          input
        );
      },
    },
    {
      key: 'range',
      title: t('bands.range'),
      render: (_: unknown, b) => (
        <span className="jx-num">{b.upper === null ? `≥ ${b.min}` : `[${b.min}, ${b.upper})`}</span>
      ),
    },
  ];
  const rows = value.bands.map((b, i) => ({ ...b, upper: i === 0 ? null : value.bands[i - 1]!.min }));

  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <span>{t('bands.preset')}</span>
        <Select<string>
          size="small"
          style={{ width: 240 }}
          value={presets.some((p) => p.code === value.code) ? value.code : null}
          placeholder={lang === 'en' ? value.nameEn : value.name}
          onChange={(code) => {
            const p = presets.find((x) => x.code === code);
            if (p) onChange(p);
          }}
          options={presets.map((p) => ({ value: p.code, label: lang === 'en' ? p.nameEn : p.name }))}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('bands.hint')}
        </Typography.Text>
      </Space>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('bands.problems', { list: problems.join('；') })}
        />
      ) : null}
      <Table size="small" rowKey="code" columns={columns} dataSource={rows} pagination={false} />
    </div>
  );
}
