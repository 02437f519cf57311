import { Tag } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { LedgerItem } from '../../../../contracts/ledger.ts';
import { useMessages } from '../../../lib/i18n.tsx';
import { ledgerMessages } from '../messages.ts';

export const ITEM_STATUS_COLORS: Record<LedgerItem['status'], string> = {
  open: 'blue',
  submitted: 'gold',
  returned: 'orange',
  accepted: 'green',
  closed: 'default',
};

/** An item's status as a tag, with 已逾期 beside it (word and colour, never colour alone). */
export function ItemStatus({ item }: { item: Pick<LedgerItem, 'status' | 'overdue' | 'escalatedAt'> }) {
  const t = useMessages(ledgerMessages);
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      <Tag color={ITEM_STATUS_COLORS[item.status]} style={{ marginInlineEnd: 0 }}>
        {t(`status.${item.status}`)}
      </Tag>
      {item.overdue ? (
        <Tag color="red" icon={<ExclamationCircleOutlined />} style={{ marginInlineEnd: 0 }}>
          {item.escalatedAt ? t('escalated') : t('overdue')}
        </Tag>
      ) : null}
    </span>
  );
}

/** 万元 with two decimals from integer fen, for inputs (the fen stay integers on the wire). */
export const wanToFen = (wan: number): number => Math.round(wan * 1_000_000);
