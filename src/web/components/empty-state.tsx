import type { ReactNode } from 'react';
import { Empty } from 'antd';

/**
 * Nothing to show yet — and what to do about it. `description` says the next step
 * ("尚无绩效目标，请先从项目库选择项目申报"); `action` is the button that takes it.
 */
export function EmptyState({
  description,
  action,
  compact = false,
}: {
  description: ReactNode;
  action?: ReactNode;
  compact?: boolean;
}) {
  return (
    <Empty
      image={compact ? Empty.PRESENTED_IMAGE_SIMPLE : Empty.PRESENTED_IMAGE_DEFAULT}
      description={<span style={{ whiteSpace: 'normal' }}>{description}</span>}
      style={{ margin: compact ? '16px 0' : '40px 0' }}
    >
      {action}
    </Empty>
  );
}
