import { Button, Col, Form, Input, InputNumber, Radio, Row, Space, Switch, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DEFAULT_QUALITATIVE_LEVELS,
  type Band,
  type FormulaInput,
  type QualitativeLevel,
  type Rule,
} from '../../../../../core/indicators/types.ts';
import { useMessages } from '../../../../lib/i18n.tsx';
import { templateMessages } from '../../messages.ts';

type Of<K extends Rule['kind']> = Extract<Rule, { kind: K }>;

/** Drops a key when its value is undefined (exact optional properties). */
function put<T extends object, K extends keyof T>(o: T, key: K, value: T[K] | undefined): T {
  const next = { ...o };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

const num = (v: number | string | null): number | undefined =>
  v === null || v === '' ? undefined : typeof v === 'number' ? v : Number(v);

/** The fields of a rule, per kind: targets, methods, levels, bands, per-unit points, formulas, peers. */
export function RuleFields({
  rule,
  weight,
  disabled,
  onChange,
}: {
  rule: Rule;
  weight: number;
  disabled: boolean;
  onChange: (rule: Rule) => void;
}) {
  const t = useMessages(templateMessages);

  const target = (r: Of<'positive'> | Of<'reverse'> | Of<'equality'> | Of<'banded'>) => (
    <>
      <Form.Item label={t('rule.targetMode')}>
        <Radio.Group
          disabled={disabled}
          value={r.target === undefined ? 'subject' : 'fixed'}
          onChange={(e) =>
            onChange(put(r, 'target', e.target.value === 'fixed' ? (r.target ?? 100) : undefined) as Rule)
          }
          options={[
            { value: 'subject', label: t('rule.targetPerSubject') },
            { value: 'fixed', label: t('rule.targetFixed') },
          ]}
        />
      </Form.Item>
      {r.target !== undefined ? (
        <Form.Item label={t('rule.target')}>
          <InputNumber
            disabled={disabled}
            value={r.target}
            onChange={(v) => onChange(put(r, 'target', num(v) ?? 0) as Rule)}
            style={{ width: 200 }}
          />
        </Form.Item>
      ) : null}
    </>
  );

  switch (rule.kind) {
    case 'positive':
    case 'equality':
      return target(rule);
    case 'reverse':
      return (
        <>
          {target(rule)}
          <Form.Item label={t('rule.method')}>
            <Radio.Group
              disabled={disabled}
              value={rule.method ?? 'ratio'}
              onChange={(e) => onChange({ ...rule, method: e.target.value as 'ratio' | 'linear' })}
              options={[
                { value: 'ratio', label: t('rule.methodRatio') },
                { value: 'linear', label: t('rule.methodLinear') },
              ]}
            />
          </Form.Item>
        </>
      );
    case 'qualitative':
      return <QualitativeFields rule={rule} disabled={disabled} onChange={onChange} />;
    case 'banded':
      return (
        <BandFields
          rule={rule}
          weight={weight}
          disabled={disabled}
          onChange={onChange}
          target={target(rule)}
        />
      );
    case 'deduction':
    case 'bonus':
      return (
        <Form.Item label={t('rule.perUnit')} extra={t('rule.perUnitHelp')}>
          <InputNumber
            disabled={disabled}
            min={0}
            value={rule.perUnit ?? null}
            onChange={(v) => onChange(put(rule, 'perUnit', num(v)))}
            style={{ width: 200 }}
          />
        </Form.Item>
      );
    case 'formula':
      return <FormulaFields rule={rule} disabled={disabled} onChange={onChange} />;
    case 'relative':
      return (
        <>
          <Form.Item label={t('rule.relativeMethod')}>
            <Radio.Group
              disabled={disabled}
              value={rule.method}
              onChange={(e) => onChange({ ...rule, method: e.target.value as 'rank' | 'mean_ratio' })}
              options={[
                { value: 'rank', label: t('rule.relativeRank') },
                { value: 'mean_ratio', label: t('rule.relativeMean') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('rule.better')}>
            <Radio.Group
              disabled={disabled}
              value={rule.better ?? 'higher'}
              onChange={(e) => onChange({ ...rule, better: e.target.value as 'higher' | 'lower' })}
              options={[
                { value: 'higher', label: t('rule.betterHigher') },
                { value: 'lower', label: t('rule.betterLower') },
              ]}
            />
          </Form.Item>
        </>
      );
  }
}

function QualitativeFields({
  rule,
  disabled,
  onChange,
}: {
  rule: Of<'qualitative'>;
  disabled: boolean;
  onChange: (rule: Rule) => void;
}) {
  const t = useMessages(templateMessages);
  const levels = rule.levels ?? DEFAULT_QUALITATIVE_LEVELS;
  const setLevel = (i: number, patch: Partial<QualitativeLevel>) =>
    onChange({ ...rule, levels: levels.map((l, k) => (k === i ? { ...l, ...patch } : l)) });
  const pct = (x: number) => Math.round(x * 10000) / 100;
  return (
    <>
      <Form.Item label={t('rule.levels')}>
        <Radio.Group
          disabled={disabled}
          value={rule.levels ? 'custom' : 'default'}
          onChange={(e) =>
            onChange(
              e.target.value === 'custom'
                ? { ...rule, levels: DEFAULT_QUALITATIVE_LEVELS.map((l) => ({ ...l })) }
                : put(rule, 'levels', undefined),
            )
          }
          options={[
            { value: 'default', label: t('rule.levelsDefault') },
            { value: 'custom', label: t('rule.levelsCustom') },
          ]}
        />
      </Form.Item>
      <Table<QualitativeLevel & { i: number }>
        size="small"
        pagination={false}
        rowKey="i"
        style={{ marginBottom: 16 }}
        dataSource={levels.map((l, i) => ({ ...l, i }))}
        columns={[
          {
            key: 'label',
            title: t('rule.levelLabel'),
            render: (_v, l) =>
              rule.levels && !disabled ? (
                <Input value={l.label} onChange={(e) => setLevel(l.i, { label: e.target.value })} />
              ) : (
                l.label
              ),
          },
          {
            key: 'min',
            title: t('rule.levelMin'),
            width: 130,
            render: (_v, l) =>
              rule.levels && !disabled ? (
                <InputNumber
                  min={0}
                  max={100}
                  value={pct(l.min)}
                  onChange={(v) => setLevel(l.i, { min: (num(v) ?? 0) / 100 })}
                />
              ) : (
                <span className="jx-num">{pct(l.min)}</span>
              ),
          },
          {
            key: 'max',
            title: t('rule.levelMax'),
            width: 130,
            render: (_v, l) =>
              rule.levels && !disabled ? (
                <InputNumber
                  min={0}
                  max={100}
                  value={pct(l.max)}
                  onChange={(v) => setLevel(l.i, { max: (num(v) ?? 0) / 100 })}
                />
              ) : (
                <span className="jx-num">{pct(l.max)}</span>
              ),
          },
          ...(rule.levels && !disabled
            ? [
                {
                  key: 'x',
                  width: 48,
                  render: (_v: unknown, l: { i: number }) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => onChange({ ...rule, levels: levels.filter((_, k) => k !== l.i) })}
                    />
                  ),
                },
              ]
            : []),
        ]}
        {...(rule.levels && !disabled
          ? {
              footer: () => (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => onChange({ ...rule, levels: [...levels, { label: '', min: 0, max: 0 }] })}
                >
                  {t('rule.addLevel')}
                </Button>
              ),
            }
          : {})}
      />
      <Form.Item label={t('rule.fallback')}>
        <Radio.Group
          disabled={disabled}
          value={rule.fallback ?? 'lower'}
          onChange={(e) => onChange({ ...rule, fallback: e.target.value as 'lower' | 'upper' })}
          options={[
            { value: 'lower', label: t('rule.fallbackLower') },
            { value: 'upper', label: t('rule.fallbackUpper') },
          ]}
        />
      </Form.Item>
    </>
  );
}

function BandFields({
  rule,
  weight,
  disabled,
  onChange,
  target,
}: {
  rule: Of<'banded'>;
  weight: number;
  disabled: boolean;
  onChange: (rule: Rule) => void;
  target: React.ReactNode;
}) {
  const t = useMessages(templateMessages);
  const ratio = rule.basis === 'ratio';
  const setBand = (i: number, patch: Partial<Band>) =>
    onChange({ ...rule, bands: rule.bands.map((b, k) => (k === i ? { ...b, ...patch } : b)) });
  return (
    <>
      <Form.Item label={t('rule.basis')}>
        <Radio.Group
          disabled={disabled}
          value={ratio ? 'ratio' : 'value'}
          onChange={(e) => onChange({ ...rule, basis: e.target.value as 'value' | 'ratio' })}
          options={[
            { value: 'value', label: t('rule.basisValue') },
            { value: 'ratio', label: t('rule.basisRatio') },
          ]}
        />
      </Form.Item>
      {ratio ? target : null}
      <Typography.Text strong>{t('rule.bands')}</Typography.Text>
      <Table<Band & { i: number }>
        size="small"
        pagination={false}
        rowKey="i"
        style={{ margin: '8px 0 16px' }}
        dataSource={rule.bands.map((b, i) => ({ ...b, i }))}
        columns={[
          {
            key: 'from',
            title: ratio ? t('rule.bandFromRatio') : t('rule.bandFrom'),
            render: (_v, b) => (
              <InputNumber
                disabled={disabled}
                value={b.from}
                step={ratio ? 0.05 : 1}
                onChange={(v) => setBand(b.i, { from: num(v) ?? 0 })}
                style={{ width: '100%' }}
              />
            ),
          },
          {
            key: 'points',
            title: t('rule.bandPoints'),
            width: 140,
            render: (_v, b) => (
              <InputNumber
                disabled={disabled}
                value={b.points}
                min={0}
                max={weight}
                onChange={(v) => setBand(b.i, { points: num(v) ?? 0 })}
                style={{ width: '100%' }}
              />
            ),
          },
          ...(!disabled
            ? [
                {
                  key: 'x',
                  width: 48,
                  render: (_v: unknown, b: { i: number }) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => onChange({ ...rule, bands: rule.bands.filter((_, k) => k !== b.i) })}
                    />
                  ),
                },
              ]
            : []),
        ]}
        {...(!disabled
          ? {
              footer: () => (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    const last = rule.bands[rule.bands.length - 1];
                    onChange({
                      ...rule,
                      bands: [
                        ...rule.bands,
                        { from: last ? last.from + (ratio ? 0.1 : 10) : 0, points: weight },
                      ],
                    });
                  }}
                >
                  {t('rule.addBand')}
                </Button>
              ),
            }
          : {})}
      />
      <Form.Item label={t('rule.interpolate')}>
        <Switch
          disabled={disabled}
          checked={rule.interpolate ?? false}
          onChange={(v) => onChange(put(rule, 'interpolate', v || undefined))}
        />
      </Form.Item>
    </>
  );
}

function FormulaFields({
  rule,
  disabled,
  onChange,
}: {
  rule: Of<'formula'>;
  disabled: boolean;
  onChange: (rule: Rule) => void;
}) {
  const t = useMessages(templateMessages);
  const setInput = (i: number, patch: Partial<FormulaInput>) =>
    onChange({
      ...rule,
      inputs: rule.inputs.map((x, k) => {
        if (k !== i) return x;
        let next: FormulaInput = { ...x, ...patch };
        if (next.label === '') next = put(next, 'label', undefined);
        if (next.unit === '') next = put(next, 'unit', undefined);
        return next;
      }),
    });
  return (
    <>
      <Typography.Text strong>{t('rule.inputs')}</Typography.Text>
      <div style={{ margin: '8px 0 16px' }}>
        {rule.inputs.map((x, i) => (
          <Row key={i} gutter={8} style={{ marginBottom: 8 }}>
            <Col span={8}>
              <Input
                disabled={disabled}
                placeholder={t('rule.inputName')}
                value={x.name}
                onChange={(e) => setInput(i, { name: e.target.value.trim() })}
              />
            </Col>
            <Col span={9}>
              <Input
                disabled={disabled}
                placeholder={t('rule.inputLabel')}
                value={x.label ?? ''}
                onChange={(e) => setInput(i, { label: e.target.value })}
              />
            </Col>
            <Col span={5}>
              <Input
                disabled={disabled}
                placeholder={t('rule.inputUnit')}
                value={x.unit ?? ''}
                onChange={(e) => setInput(i, { unit: e.target.value })}
              />
            </Col>
            <Col span={2}>
              {!disabled ? (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => onChange({ ...rule, inputs: rule.inputs.filter((_, k) => k !== i) })}
                />
              ) : null}
            </Col>
          </Row>
        ))}
        {!disabled ? (
          <Space>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() =>
                onChange({ ...rule, inputs: [...rule.inputs, { name: `x${rule.inputs.length + 1}` }] })
              }
            >
              {t('rule.addInput')}
            </Button>
          </Space>
        ) : null}
      </div>
      <Form.Item label={t('rule.expression')} extra={t('rule.expressionHelp')}>
        <Input.TextArea
          disabled={disabled}
          value={rule.expression}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(e) => onChange({ ...rule, expression: e.target.value })}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
        />
      </Form.Item>
    </>
  );
}
