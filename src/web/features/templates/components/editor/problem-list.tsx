import { useState } from 'react';
import { Alert, Button, Tag } from 'antd';
import type { DefinitionIssue } from '../../../../../contracts/templates.ts';
import { useLang, useMessages } from '../../../../lib/i18n.tsx';
import { templateMessages } from '../../messages.ts';

const SHOWN = 8;

/** Every problem of the tree at the top of the editor, each with its code and a link to its node. */
export function ProblemList({
  issues,
  draft,
  onShow,
}: {
  issues: readonly DefinitionIssue[];
  draft: boolean;
  onShow: (nodeCode: string) => void;
}) {
  const t = useMessages(templateMessages);
  const { lang } = useLang();
  const [all, setAll] = useState(false);
  if (issues.length === 0) {
    return draft ? (
      <Alert type="success" showIcon title={t('problems.none')} style={{ marginBottom: 16 }} />
    ) : null;
  }
  const shown = all ? issues : issues.slice(0, SHOWN);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('problems.title', { n: issues.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {shown.map((i, k) => (
            <li key={k} style={{ marginBottom: 2 }}>
              <Tag style={{ fontSize: 11, marginInlineEnd: 6 }}>{i.code}</Tag>
              {lang === 'en' ? i.messageEn : i.message}
              {i.nodeCode ? (
                <Button type="link" size="small" onClick={() => onShow(i.nodeCode!)}>
                  {t('problems.show')}
                </Button>
              ) : null}
            </li>
          ))}
          {!all && issues.length > SHOWN ? (
            <li style={{ listStyle: 'none' }}>
              <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setAll(true)}>
                {t('problems.more', { n: issues.length - SHOWN })}
              </Button>
            </li>
          ) : null}
        </ul>
      }
    />
  );
}
