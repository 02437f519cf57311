import { useState } from 'react';
import { App, Button, Card, Space, Spin, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import type { CheckResult } from '../../../../contracts/selfeval.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText } from '../../../lib/api-error.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { useScope } from '../../../lib/scope.tsx';
import { useCheckUpload, downloadCheckedWorkbook } from '../api.ts';
import { selfEvalMessages } from '../messages.ts';
import { CheckReportView } from './check-report.tsx';
import { SaveModal } from './save-modal.tsx';

const MAX_BYTES = 20 * 1024 * 1024;

/** 绩效评价 › 自评表核查: upload a table, see the check, download it annotated, save it for a project. */
export default function SelfEvalCheckPage() {
  const t = useMessages(selfEvalMessages);
  const { lang } = useLang();
  const scope = useScope();
  const { message } = App.useApp();
  const check = useCheckUpload();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [saving, setSaving] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const start = (f: File) => {
    setFile(f);
    setResult(null);
    if (f.size > MAX_BYTES) {
      check.reset();
      void message.error(
        lang === 'en' ? 'The file is larger than 20 MB' : '文件超过 20 MB，请拆分或压缩后再上传',
      );
      return;
    }
    check.mutate(
      { file: f, division: scope.divisionCode, year: scope.fiscalYear },
      { onSuccess: (r) => setResult(r) },
    );
  };

  const download = async () => {
    if (!file) return;
    setDownloading(true);
    try {
      await downloadCheckedWorkbook(file, scope.divisionCode, scope.fiscalYear);
    } catch (e) {
      void message.error(errorText(e, lang));
    } finally {
      setDownloading(false);
    }
  };

  const dragger = (
    <Upload.Dragger
      accept=".xlsx,.json"
      multiple={false}
      showUploadList={false}
      beforeUpload={(f) => {
        start(f);
        return false;
      }}
      disabled={check.isPending}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('check.drop')}</p>
      <p className="ant-upload-hint">
        {t('check.dropHint', { division: scope.divisionName, year: scope.fiscalYear })}
      </p>
    </Upload.Dragger>
  );

  return (
    <>
      <PageHeader
        subtitle={t('check.subtitle')}
        {...(result
          ? {
              extra: (
                <Button
                  icon={<ReloadOutlined />}
                  onClick={() => {
                    setResult(null);
                    setFile(null);
                    check.reset();
                  }}
                >
                  {t('check.another')}
                </Button>
              ),
            }
          : {})}
      />
      {!result ? (
        <Card style={{ marginBottom: 16 }}>
          {dragger}
          {check.isPending && file ? (
            <div style={{ marginTop: 16, textAlign: 'center' }}>
              <Spin /> <Typography.Text>{t('check.reading', { file: file.name })}</Typography.Text>
            </div>
          ) : null}
          {check.isError ? (
            <ErrorAlert style={{ marginTop: 16 }} title={t('check.unreadable')} error={check.error} />
          ) : null}
          {!check.isPending && !check.isError ? <EmptyState compact description={t('check.empty')} /> : null}
        </Card>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('check.file', { file: result.fileName })}
          </Typography.Paragraph>
          <CheckReportView
            report={result.report}
            actions={
              <Space wrap>
                <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()}>
                  {t('check.download')}
                </Button>
                <Button type="primary" icon={<SaveOutlined />} onClick={() => setSaving(true)}>
                  {t('check.save')}
                </Button>
              </Space>
            }
          />
          {file ? (
            <SaveModal
              file={file}
              suggestedName={result.report.header.projectName}
              open={saving}
              onClose={() => setSaving(false)}
            />
          ) : null}
        </>
      )}
    </>
  );
}
