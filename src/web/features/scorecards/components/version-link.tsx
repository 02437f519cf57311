import { Tag, Tooltip } from 'antd';
import { FileProtectOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMessages } from '../../../lib/i18n.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { useCan } from '../../../lib/session.tsx';
import { scorecardMessages } from '../messages.ts';

/**
 * The template version that produced a result (“2026年度第1版”), linked to the version's page. A
 * published version is never changed in place (ADR 0009), so the link always shows what scored the result.
 */
export function VersionLink({
  versionId,
  fiscalYear,
  versionNo,
}: {
  versionId: string;
  fiscalYear: number;
  versionNo: number;
}) {
  const t = useMessages(scorecardMessages);
  const href = useScopedHref();
  const can = useCan();
  const label = (
    <Tag icon={<FileProtectOutlined />} color="geekblue" style={{ marginInlineEnd: 0 }}>
      {t('overview.version', { year: fiscalYear, version: versionNo })}
    </Tag>
  );
  return (
    <Tooltip title={t('overview.versionTitle')}>
      {can('templates.read') ? (
        <Link to={href(`/templates/versions/${versionId}`)} aria-label={t('table.versionLink')}>
          {label}
        </Link>
      ) : (
        label
      )}
    </Tooltip>
  );
}
