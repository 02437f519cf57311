import type { ReactNode } from 'react';
import { Alert, Card, Col, Descriptions, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CheckedIndicator, CheckFinding, CheckReport } from '../../../../contracts/selfeval.ts';
import { GradeTag } from '../../../components/grade-tag.tsx';
import { formatPercent, formatScore, NONE } from '../../../lib/format.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { selfEvalMessages } from '../messages.ts';

const FINDING_BG = '#fff7e6';
const printed = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

/** An amount as printed in the table's unit: thousands separators, two decimals. */
const money = (x: number | null) => (x === null ? NONE : printed.format(x));
const differs = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) > 0.01;

function Diff({ printedScore, formulaScore }: { printedScore: number | null; formulaScore: number | null }) {
  if (printedScore === null || formulaScore === null) return <span className="jx-num">{NONE}</span>;
  const d = printedScore - formulaScore;
  if (Math.abs(d) <= 0.01) return <span className="jx-num">0.00</span>;
  return (
    <Typography.Text className="jx-num" type={d > 0 ? 'danger' : 'warning'} strong>
      {d > 0 ? '+' : ''}
      {formatScore(d)}
    </Typography.Text>
  );
}

/** Where a finding sits, for the list at the top and the anchors on the rows. */
const anchorOf = (f: CheckFinding) =>
  f.scope === 'indicator' && f.indicatorIndex !== undefined
    ? `selfeval-row-${f.indicatorIndex}`
    : f.scope === 'budget'
      ? 'selfeval-funds'
      : 'selfeval-summary';

/**
 * The checker's report on one table, the same for an upload and a stored self-evaluation: the conclusion
 * (totals, grade, findings count), every finding listed with its message, then the funds row and the
 * indicator rows with the printed and the formula score side by side; rows with findings highlighted.
 */
export function CheckReportView({ report, actions }: { report: CheckReport; actions?: ReactNode }) {
  const t = useMessages(selfEvalMessages);
  const { lang } = useLang();
  const unit = report.header.unit ?? '万元';
  const unitLabel = lang === 'en' ? (unit === '元' ? 'yuan' : '10k yuan') : unit;
  const withUnit = (label: string) =>
    lang === 'en' ? `${label} (${unitLabel})` : `${label}（${unitLabel}）`;

  const byRow = new Map<number, CheckFinding[]>();
  const budgetFindings: CheckFinding[] = [];
  for (const f of report.findings) {
    if (f.scope === 'indicator' && f.indicatorIndex !== undefined) {
      byRow.set(f.indicatorIndex, [...(byRow.get(f.indicatorIndex) ?? []), f]);
    } else if (f.scope === 'budget') budgetFindings.push(f);
  }
  const findingTitle = (f: CheckFinding) => (lang === 'en' ? f.title.en : f.title.zh);

  const findingNotes = (fs: readonly CheckFinding[]) =>
    fs.length === 0 ? null : (
      <Space direction="vertical" size={2} style={{ maxWidth: 360 }}>
        {fs.map((f, i) => (
          <span key={i} style={{ fontSize: 12 }}>
            <Tag color="orange" style={{ marginInlineEnd: 4 }}>
              {findingTitle(f)}
            </Tag>
            {f.message}
          </span>
        ))}
      </Space>
    );

  const readAs = (r: CheckedIndicator): ReactNode => {
    if (r.notApplicable)
      return <Typography.Text type="secondary">{t('report.notApplicable')}</Typography.Text>;
    if (r.kind === 'qualitative') {
      return r.level && r.band ? (
        <span className="jx-num">
          {t('report.band', {
            level: t(`level.${r.level}`),
            lo: formatScore(r.band[0]),
            hi: formatScore(r.band[1]),
          })}
        </span>
      ) : (
        <Typography.Text type="warning">{t('report.unreadable')}</Typography.Text>
      );
    }
    const side = (v: CheckedIndicator['target']) =>
      v.status === 'number' && v.value !== null
        ? `${v.comparison && v.comparison !== '=' && v.comparison !== 'qualitative' ? (v.comparison === '>=' ? '≥' : '≤') : ''}${plain.format(v.value)}${v.unit ?? ''}`
        : v.status === 'blank'
          ? t('report.blank')
          : t('report.unreadable');
    return (
      <span className="jx-num">
        A = {side(r.target)}；B = {side(r.actual)}
        {r.converted ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            （{t('report.converted', { value: `${plain.format(r.converted.value)}${r.converted.unit}` })}）
          </Typography.Text>
        ) : null}
      </span>
    );
  };

  const scoreCell = (v: number | null, highlight = false) => (
    <span className="jx-num" style={highlight ? { fontWeight: 600 } : undefined}>
      {formatScore(v)}
    </span>
  );

  const indicatorColumns: ColumnsType<CheckedIndicator> = [
    {
      key: 'serial',
      title: lang === 'en' ? 'No.' : '序号',
      width: 56,
      align: 'center',
      fixed: 'left',
      render: (_v, r) => (
        <span id={`selfeval-row-${r.index}`} className="jx-num">
          {r.index + 1}
        </span>
      ),
    },
    { key: 'level1', dataIndex: 'level1', title: t('report.level1'), width: 88 },
    { key: 'level2', dataIndex: 'level2', title: t('report.level2'), width: 100 },
    { key: 'name', dataIndex: 'name', title: t('report.name'), width: 180 },
    {
      key: 'target',
      title: t('report.target'),
      width: 130,
      render: (_v, r) => r.target.raw || NONE,
    },
    {
      key: 'actual',
      title: t('report.actual'),
      width: 130,
      render: (_v, r) => r.actual.raw || NONE,
    },
    {
      key: 'weight',
      title: t('report.weight'),
      width: 72,
      align: 'right',
      render: (_v, r) => scoreCell(r.weight),
    },
    {
      key: 'printedScore',
      title: t('report.printedScore'),
      width: 88,
      align: 'right',
      render: (_v, r) => scoreCell(r.printedScore),
    },
    {
      key: 'formulaScore',
      title: t('report.formulaScore'),
      width: 88,
      align: 'right',
      render: (_v, r) => scoreCell(r.formulaScore, differs(r.printedScore, r.formulaScore)),
    },
    {
      key: 'diff',
      title: t('report.diff'),
      width: 80,
      align: 'right',
      render: (_v, r) => <Diff printedScore={r.printedScore} formulaScore={r.formulaScore} />,
    },
    {
      key: 'kind',
      title: t('report.kind'),
      width: 84,
      align: 'center',
      render: (_v, r) => (r.kind ? <Tag style={{ marginInlineEnd: 0 }}>{t(`kind.${r.kind}`)}</Tag> : NONE),
    },
    {
      key: 'readAs',
      title: t('report.readAs'),
      width: 200,
      className: 'jx-print-hide',
      render: (_v, r) => readAs(r),
    },
    {
      key: 'reason',
      title: t('report.reason'),
      width: 200,
      className: 'jx-print-hide',
      render: (_v, r) =>
        r.reason ? (
          <Typography.Paragraph style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 3, tooltip: r.reason }}>
            {r.reason}
          </Typography.Paragraph>
        ) : (
          NONE
        ),
    },
    {
      key: 'findings',
      title: t('report.rowFindings'),
      width: 360,
      render: (_v, r) => findingNotes(byRow.get(r.index) ?? []) ?? NONE,
    },
  ];

  interface FundsRow {
    key: string;
  }
  const b = report.budget;
  const fundsColumns: ColumnsType<FundsRow> = [
    { key: 'item', title: t('report.fundsItem'), width: 130, render: () => t('report.fundsTotal') },
    {
      key: 'initial',
      title: withUnit(t('report.initial')),
      align: 'right',
      width: 150,
      render: () => <span className="jx-num">{money(b.initial)}</span>,
    },
    {
      key: 'planned',
      title: withUnit(t('report.planned')),
      align: 'right',
      width: 150,
      render: () => <span className="jx-num">{money(b.planned)}</span>,
    },
    {
      key: 'executed',
      title: withUnit(t('report.executed')),
      align: 'right',
      width: 150,
      render: () => <span className="jx-num">{money(b.executed)}</span>,
    },
    {
      key: 'rate',
      title: t('report.rate'),
      align: 'right',
      width: 90,
      render: () => (
        <Typography.Text
          className="jx-num"
          {...(b.rate < report.minExecutionRate ? { type: 'danger' as const } : {})}
        >
          {formatPercent(b.rate, { ratio: true })}
        </Typography.Text>
      ),
    },
    {
      key: 'weight',
      title: t('report.weight'),
      align: 'right',
      width: 72,
      render: () => scoreCell(b.weight),
    },
    {
      key: 'printed',
      title: t('report.printedScore'),
      align: 'right',
      width: 88,
      render: () => scoreCell(b.printedScore),
    },
    {
      key: 'formula',
      title: t('report.formulaScore'),
      align: 'right',
      width: 88,
      render: () => scoreCell(b.formulaScore, differs(b.printedScore, b.formulaScore)),
    },
    {
      key: 'diff',
      title: t('report.diff'),
      align: 'right',
      width: 80,
      render: () => <Diff printedScore={b.printedScore} formulaScore={b.formulaScore} />,
    },
    {
      key: 'findings',
      title: t('report.rowFindings'),
      width: 360,
      render: () => findingNotes(budgetFindings) ?? NONE,
    },
  ];

  const h = report.header;
  const n = report.findings.length;
  return (
    <div className="jx-selfeval-report">
      <style>{`.jx-selfeval-report .jx-row-finding > td { background: ${FINDING_BG} !important; }
@media print {
  .jx-selfeval-report .ant-table-content, .jx-selfeval-report .ant-table-body { overflow: visible !important; }
  .jx-selfeval-report table { width: 100% !important; min-width: 0 !important; table-layout: auto !important; font-size: 9px; }
  .jx-selfeval-report col { width: auto !important; min-width: 0 !important; }
  .jx-selfeval-report .ant-table-cell { padding: 2px 4px !important; }
  .jx-selfeval-report .ant-table-cell * { font-size: 9px !important; line-height: 1.35 !important; }
  .jx-selfeval-report .jx-print-hide { display: none !important; }
}`}</style>
      <Card
        id="selfeval-summary"
        title={t('report.summary')}
        extra={<div className="jx-no-print">{actions}</div>}
        style={{ marginBottom: 16 }}
        styles={{ body: { paddingBottom: 8 } }}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'p', label: t('report.projectName'), children: h.projectName ?? NONE },
            { key: 'd', label: t('report.department'), children: h.department ?? NONE },
            { key: 'u', label: t('report.unit'), children: h.implementingUnit ?? NONE },
            { key: 'm', label: t('report.moneyUnit'), children: unitLabel },
          ]}
        />
        <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
          <Col xs={12} md={6}>
            <Statistic
              title={t('report.printedTotal')}
              value={formatScore(report.printedTotal)}
              styles={{ content: { fontVariantNumeric: 'tabular-nums' } }}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('report.formulaTotal')}
              value={formatScore(report.formulaTotal)}
              styles={{
                content: {
                  fontVariantNumeric: 'tabular-nums',
                  ...(differs(report.printedTotal, report.formulaTotal) ? { color: '#d4380d' } : {}),
                },
              }}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('report.grade')}
              valueRender={() => (
                <span style={{ fontSize: 20 }}>
                  <GradeTag
                    grade={report.grade.code}
                    label={lang === 'en' ? report.grade.labelEn : report.grade.label}
                    color={report.grade.color}
                  />
                </span>
              )}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('report.findingCount')}
              value={t('report.findingCountValue', { n })}
              styles={{
                content: { fontVariantNumeric: 'tabular-nums', ...(n > 0 ? { color: '#d46b08' } : {}) },
              }}
            />
          </Col>
        </Row>
        <Space wrap size={[16, 4]} style={{ marginTop: 8, fontSize: 12 }}>
          <Typography.Text type="secondary">
            {t('report.scheme', {
              scheme: lang === 'en' ? report.gradeScheme.nameEn : report.gradeScheme.name,
            })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('report.minRate', { rate: formatPercent(report.minExecutionRate, { ratio: true }) })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('report.weightSum', { sum: formatScore(report.weightSum) })}
          </Typography.Text>
          {h.printedGrade ? (
            <Typography.Text type="secondary">
              {t('report.printedGrade', { grade: h.printedGrade })}
            </Typography.Text>
          ) : null}
        </Space>
      </Card>

      {n > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('report.findingsTitle', { n })}
          description={
            <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {report.findings.map((f, i) => (
                <li key={i} style={{ marginBottom: 4 }}>
                  <Tag color="orange">{findingTitle(f)}</Tag>
                  <a href={`#${anchorOf(f)}`} style={{ marginInlineEnd: 6 }}>
                    {f.row ?? t('report.findingTable')}
                  </a>
                  <span>{f.message}</span>
                </li>
              ))}
            </ol>
          }
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('report.noFindings')} />
      )}

      {h.goals ? (
        <Card size="small" title={t('report.goals')} style={{ marginBottom: 16 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'e', label: t('report.goalsExpected'), children: h.goals.expected || NONE },
              { key: 'a', label: t('report.goalsActual'), children: h.goals.actual || NONE },
            ]}
          />
        </Card>
      ) : null}

      <Card size="small" id="selfeval-funds" title={t('report.funds')} style={{ marginBottom: 16 }}>
        <Table<FundsRow>
          size="small"
          rowKey="key"
          pagination={false}
          columns={fundsColumns}
          dataSource={[{ key: 'total' }]}
          scroll={{ x: 'max-content' }}
          rowClassName={() => (budgetFindings.length > 0 ? 'jx-row-finding' : '')}
        />
      </Card>

      <Card
        size="small"
        title={t('report.indicators')}
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('report.legend')}
          </Typography.Text>
        }
      >
        <Table<CheckedIndicator>
          size="small"
          rowKey="index"
          pagination={false}
          columns={indicatorColumns}
          dataSource={report.indicators}
          scroll={{ x: 'max-content' }}
          rowClassName={(r) => ((byRow.get(r.index)?.length ?? 0) > 0 ? 'jx-row-finding' : '')}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={6}>
                <Typography.Text strong>{t('report.total')}</Typography.Text>
                {report.grade ? (
                  <Tooltip title={t('report.grade')}>
                    <span style={{ marginInlineStart: 8 }}>
                      <GradeTag
                        grade={report.grade.code}
                        label={lang === 'en' ? report.grade.labelEn : report.grade.label}
                        color={report.grade.color}
                      />
                    </span>
                  </Tooltip>
                ) : null}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {scoreCell(report.weightSum)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                {scoreCell(report.printedTotal, true)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8} align="right">
                {scoreCell(report.formulaTotal, true)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={9} align="right">
                <Diff printedScore={report.printedTotal} formulaScore={report.formulaTotal} />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={10} colSpan={4}>
                {findingNotes(report.findings.filter((f) => f.scope === 'table'))}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
    </div>
  );
}
