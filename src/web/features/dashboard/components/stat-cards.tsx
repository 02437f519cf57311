import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import {
  ApartmentOutlined,
  BankOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  MoneyCollectOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { Dashboard } from '../../../../contracts/dashboard.ts';
import { amountUnitLabel, formatAmount, formatCount, withUnit } from '../../../lib/format.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { dashboardMessages } from '../messages.ts';

function StatCard({
  icon,
  title,
  value,
  suffix,
  footer,
}: {
  icon: ReactNode;
  title: string;
  value: string;
  suffix?: string | undefined;
  footer?: ReactNode;
}) {
  return (
    <Card size="small" style={{ height: '100%' }} styles={{ body: { padding: '16px 20px' } }}>
      <Statistic
        title={
          <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
            <span aria-hidden style={{ color: '#1f5fbf' }}>
              {icon}
            </span>
            {title}
          </span>
        }
        value={value}
        {...(suffix ? { suffix } : {})}
        styles={{ content: { fontVariantNumeric: 'tabular-nums', fontWeight: 600 } }}
      />
      <div style={{ minHeight: 22, marginTop: 4, fontSize: 12 }}>{footer}</div>
    </Card>
  );
}

/** 项目数 · 预算部门数 · 项目预算总额（万元） · 指标模板 · 评分结果 · 自评表 (with those having findings). */
export function StatCards({ data }: { data: Dashboard }) {
  const t = useMessages(dashboardMessages);
  const { lang } = useLang();
  const c = data.counts;
  const suffix = (key: Parameters<typeof t>[0]) => t(key) || undefined;
  const cards: { key: string; node: ReactNode }[] = [
    {
      key: 'projects',
      node: (
        <StatCard
          icon={<FolderOpenOutlined />}
          title={t('card.projects')}
          value={formatCount(c.projects)}
          suffix={suffix('card.projectsSuffix')}
        />
      ),
    },
    {
      key: 'departments',
      node: (
        <StatCard
          icon={<BankOutlined />}
          title={t('card.departments')}
          value={formatCount(c.departments)}
          suffix={suffix('card.departmentsSuffix')}
        />
      ),
    },
    {
      key: 'budget',
      node: (
        <StatCard
          icon={<MoneyCollectOutlined />}
          title={withUnit(t('card.budget'), amountUnitLabel('wan', lang), lang)}
          value={formatAmount(data.amounts.projectBudgetFen)}
        />
      ),
    },
    {
      key: 'templates',
      node: (
        <StatCard
          icon={<ApartmentOutlined />}
          title={t('card.templates')}
          value={formatCount(c.templates)}
          suffix={suffix('card.templatesSuffix')}
        />
      ),
    },
    {
      key: 'scoring',
      node: (
        <StatCard
          icon={<TrophyOutlined />}
          title={t('card.scoringRuns')}
          value={formatCount(c.scoringRuns)}
          suffix={suffix('card.scoringRunsSuffix')}
        />
      ),
    },
    {
      key: 'selfeval',
      node: (
        <StatCard
          icon={<FileSearchOutlined />}
          title={t('card.selfEvaluations')}
          value={formatCount(c.selfEvaluations)}
          suffix={suffix('card.selfEvaluationsSuffix')}
          footer={
            c.selfEvaluations === 0 ? null : c.selfEvaluationsWithFindings > 0 ? (
              <Typography.Text type="warning">
                {t('card.findings', { n: formatCount(c.selfEvaluationsWithFindings) })}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('card.noFindings')}</Typography.Text>
            )
          }
        />
      ),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col key={card.key} xs={24} sm={12} lg={8} xxl={4}>
          {card.node}
        </Col>
      ))}
    </Row>
  );
}
