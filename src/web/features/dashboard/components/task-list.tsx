import { Badge, Card, Tag, Typography } from 'antd';
import { ClockCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Dashboard } from '../../../../contracts/dashboard.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { daysUntil, formatCount, formatDateProse } from '../../../lib/format.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { useCanOpen } from '../../../lib/route-meta.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { dashboardMessages } from '../messages.ts';

type Task = Dashboard['tasks'][number];

/** 待办事项: what needs the user's action, the nearest deadline first, each with a link to do it. */
export function TaskList({ tasks, today }: { tasks: readonly Task[]; today: Date }) {
  const t = useMessages(dashboardMessages);
  const { lang } = useLang();
  const canOpen = useCanOpen();
  const href = useScopedHref();

  const sorted = [...tasks].sort((a, b) => {
    if (a.dueDate === b.dueDate) return 0;
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  });

  return (
    <Card
      title={
        <span>
          {t('tasks.title')}
          {tasks.length > 0 ? (
            <Badge count={tasks.length} style={{ marginInlineStart: 8, background: '#1f5fbf' }} />
          ) : null}
        </span>
      }
      styles={{ body: { paddingBlock: 4 } }}
    >
      {sorted.length === 0 ? (
        <EmptyState compact description={t('tasks.empty')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {sorted.map((task, i) => {
            const days = daysUntil(task.dueDate, today);
            const title = lang === 'en' && task.titleEn ? task.titleEn : task.title;
            const linked = canOpen(task.link);
            return (
              <li
                key={`${task.kind}-${i}`}
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 12,
                  padding: '12px 0',
                  borderTop: i === 0 ? 'none' : '1px solid rgba(5,5,5,0.06)',
                }}
              >
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div style={{ fontWeight: 500 }}>
                    {title}
                    <Typography.Text type="secondary" className="jx-num" style={{ marginInlineStart: 8 }}>
                      {t('tasks.count', { n: formatCount(task.count) })}
                    </Typography.Text>
                  </div>
                  <div style={{ fontSize: 12, marginTop: 2 }}>
                    <Typography.Text type="secondary">
                      <ClockCircleOutlined aria-hidden style={{ marginInlineEnd: 4 }} />
                      {task.dueDate
                        ? t('tasks.due', { date: formatDateProse(task.dueDate, lang) })
                        : t('tasks.noDue')}
                    </Typography.Text>
                    {days === null ? null : days < 0 ? (
                      <Tag color="red" style={{ marginInlineStart: 8 }}>
                        {t('tasks.overdue', { n: -days })}
                      </Tag>
                    ) : days === 0 ? (
                      <Tag color="orange" style={{ marginInlineStart: 8 }}>
                        {t('tasks.dueToday')}
                      </Tag>
                    ) : days <= 7 ? (
                      <Tag color="gold" style={{ marginInlineStart: 8 }}>
                        {t('tasks.daysLeft', { n: days })}
                      </Tag>
                    ) : null}
                  </div>
                </div>
                {linked ? (
                  <Link to={href(task.link)} className="jx-no-print" style={{ whiteSpace: 'nowrap' }}>
                    {t('tasks.open')} <RightOutlined aria-hidden style={{ fontSize: 10 }} />
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
