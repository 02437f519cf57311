import { useMemo } from 'react';
import { Button, Col, Row, Skeleton, Typography } from 'antd';
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useMessages, useT } from '../../../lib/i18n.tsx';
import { useScope } from '../../../lib/scope.tsx';
import { useDashboard } from '../api.ts';
import { dashboardMessages } from '../messages.ts';
import { FundClassChart } from './fund-class-chart.tsx';
import { GradeChart } from './grade-chart.tsx';
import { StatCards } from './stat-cards.tsx';
import { TaskList } from './task-list.tsx';

/** 首页: where things stand in the division and year, and what needs doing. */
export default function DashboardPage() {
  const t = useT();
  const d = useMessages(dashboardMessages);
  const scope = useScope();
  const dashboard = useDashboard();
  const today = useMemo(() => new Date(), []);
  const data = dashboard.data;

  return (
    <>
      <PageHeader
        subtitle={
          <>
            {d('subtitle', { division: data?.division.name ?? scope.divisionName, year: scope.fiscalYear })}
            {data ? (
              <Typography.Text type="secondary" style={{ marginInlineStart: 12, fontSize: 12 }}>
                {t('common.updatedAt', { time: formatDateTime(data.updatedAt) })}
              </Typography.Text>
            ) : null}
          </>
        }
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              loading={dashboard.isFetching}
              onClick={() => void dashboard.refetch()}
            >
              {t('common.refresh')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('common.print')}
            </Button>
          </>
        }
      />
      {dashboard.isError ? (
        <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <div style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1, transition: 'opacity .2s' }}>
          <StatCards data={data} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <TaskList tasks={data.tasks} today={today} />
            </Col>
            <Col xs={24} xl={12}>
              <GradeChart data={data} />
            </Col>
            <Col xs={24}>
              <FundClassChart data={data} />
            </Col>
          </Row>
        </div>
      )}
    </>
  );
}
