import { useState } from 'react';
import { App, Button, Skeleton, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, FileOutlined, PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText } from '../../../lib/api-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useLang, useMessages, useT } from '../../../lib/i18n.tsx';
import { useSession } from '../../../lib/session.tsx';
import { downloadFile, useSelfEvaluation } from '../api.ts';
import { selfEvalMessages } from '../messages.ts';
import { CheckReportView } from './check-report.tsx';

/** 项目自评表 › 详情: the stored table checked again, as on the upload page, with its downloads. */
export default function SelfEvalDetailPage() {
  const t = useMessages(selfEvalMessages);
  const common = useT();
  const { lang } = useLang();
  const me = useSession();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const detail = useSelfEvaluation(id);
  const [busy, setBusy] = useState<'workbook' | 'source' | null>(null);

  const download = async (what: 'workbook' | 'source') => {
    const d = detail.data;
    if (!d) return;
    setBusy(what);
    try {
      await downloadFile(
        `/selfeval/${id}/${what}`,
        what === 'source' ? (d.sourceFileName ?? 'selfeval') : `${d.selfEvaluation.projectName}-核查.xlsx`,
      );
    } catch (e) {
      void message.error(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  if (detail.isError) {
    return (
      <>
        <PageHeader title={t('detail.title')} />
        {detail.error.code === 'NOT_FOUND' ? (
          <EmptyState description={detail.error.messageIn(lang)} />
        ) : (
          <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </>
    );
  }
  const d = detail.data;
  if (!d) {
    return (
      <>
        <PageHeader title={t('detail.title')} />
        <Skeleton active paragraph={{ rows: 12 }} />
      </>
    );
  }
  const s = d.selfEvaluation;
  const division = me.divisions.find((x) => x.code === s.mofDivCode)?.name ?? s.mofDivCode;
  return (
    <>
      <PageHeader
        title={s.projectName}
        subtitle={
          <Space wrap size={[8, 4]}>
            <span>
              {t('detail.subtitle', {
                division,
                year: s.fiscalYear,
                version: s.version,
                time: formatDateTime(s.updatedAt),
              })}
            </span>
            {s.proCode ? <Tag className="jx-num">{s.proCode}</Tag> : null}
            <Tag>{t(`status.${s.status}`)}</Tag>
          </Space>
        }
        extra={
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {common('common.print')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('detail.recheckNote', { division, year: s.fiscalYear })}
      </Typography.Paragraph>
      <CheckReportView
        report={d.report}
        actions={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              loading={busy === 'workbook'}
              onClick={() => void download('workbook')}
            >
              {t('check.download')}
            </Button>
            {d.sourceFileName ? (
              <Button
                icon={<FileOutlined />}
                loading={busy === 'source'}
                onClick={() => void download('source')}
              >
                {t('detail.source')}
              </Button>
            ) : null}
          </Space>
        }
      />
    </>
  );
}
