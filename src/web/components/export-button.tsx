import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useT } from '../lib/i18n.tsx';

/**
 * 导出Excel. Either `href` (a GET under /api/v1 that answers with an .xlsx file:
 * `apiUrl('/projects/export', { ...scopeQuery(scope), ...table.exportQuery })`, so exactly the filtered rows
 * are exported) or `onExport` for exports that need
 * a job. Put it in DataTable's `exportSlot`.
 */
export function ExportExcelButton({
  href,
  onExport,
  loading = false,
  disabled = false,
}: {
  href?: string;
  onExport?: () => void;
  loading?: boolean;
  disabled?: boolean;
}) {
  const t = useT();
  const common = { icon: <DownloadOutlined />, loading, disabled } as const;
  return href ? (
    <Button {...common} href={href} download>
      {t('common.exportExcel')}
    </Button>
  ) : (
    <Button {...common} {...(onExport ? { onClick: onExport } : {})}>
      {t('common.exportExcel')}
    </Button>
  );
}
