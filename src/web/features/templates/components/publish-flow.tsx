import { App } from 'antd';
import type { DefinitionIssue, TemplateVersionSummary } from '../../../../contracts/templates.ts';
import { errorText, isApiError } from '../../../lib/api-error.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { usePublish } from '../api.ts';
import { versionLabel } from '../labels.ts';
import { templateMessages } from '../messages.ts';

/**
 * 发布 with a confirmation that says what happens (the version is frozen; the year's current version is
 * retired); a refusal lists every problem the server found.
 */
export function usePublishFlow() {
  const t = useMessages(templateMessages);
  const { lang } = useLang();
  const { modal, message } = App.useApp();
  const publish = usePublish();

  return (
    version: Pick<TemplateVersionSummary, 'id' | 'version' | 'fiscalYear' | 'versionNo'>,
    current: Pick<TemplateVersionSummary, 'fiscalYear' | 'versionNo'> | null,
    onDone?: () => void,
  ) => {
    const label = versionLabel(t, version);
    modal.confirm({
      title: t('publish.title', { label }),
      content: (
        <div>
          <p style={{ margin: 0 }}>{t('publish.body')}</p>
          {current ? (
            <p style={{ margin: '8px 0 0' }}>{t('publish.retires', { label: versionLabel(t, current) })}</p>
          ) : null}
        </div>
      ),
      okText: t('publish.ok'),
      cancelText: t('publish.cancel'),
      onOk: () =>
        publish
          .mutateAsync({ id: version.id, version: version.version })
          .then(() => {
            void message.success(t('publish.done', { label }));
            onDone?.();
          })
          .catch((e: unknown) => {
            const issues =
              isApiError(e) && e.code === 'TEMPLATE_INVALID'
                ? ((e.details as { issues?: DefinitionIssue[] } | undefined)?.issues ?? [])
                : [];
            modal.error({
              title: issues.length > 0 ? t('publish.refused') : errorText(e, lang),
              width: 560,
              content:
                issues.length > 0 ? (
                  <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 360, overflow: 'auto' }}>
                    {issues.map((i, k) => (
                      <li key={k}>{lang === 'en' ? i.messageEn : i.message}</li>
                    ))}
                  </ul>
                ) : null,
            });
          }),
    });
  };
}
