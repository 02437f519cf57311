import { Alert, Tag, Typography } from 'antd';
import type { DefinitionIssue } from '../../../../contracts/templates.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { ProblemList } from '../../templates/components/editor/problem-list.tsx';
import { whatIfMessages } from '../messages.ts';

/**
 * Why a simulation did not run: the server's message, and every problem it listed — the tree's issues
 * (as the template editor lists them), the bands' and the rules' problems.
 */
export function ScenarioError({ error }: { error: unknown }) {
  const t = useMessages(whatIfMessages);
  const { lang } = useLang();
  const details = isApiError(error)
    ? (error.details as
        | {
            issues?: DefinitionIssue[];
            schemeProblems?: string[];
            ruleProblems?: { message: string; messageEn: string }[];
          }
        | undefined)
    : undefined;
  return (
    <>
      <ErrorAlert error={error} title={t('error.title')} style={{ marginBottom: 12 }} />
      {details?.issues && details.issues.length > 0 ? (
        <ProblemList issues={details.issues} draft onShow={() => undefined} />
      ) : null}
      {details?.schemeProblems && details.schemeProblems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('bands.problems', { list: details.schemeProblems.join('；') })}
        />
      ) : null}
      {details?.ruleProblems && details.ruleProblems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('rules.problems', {
            list: details.ruleProblems.map((p) => (lang === 'en' ? p.messageEn : p.message)).join('；'),
          })}
        />
      ) : null}
    </>
  );
}

/** Which parts of the scenario differ from the settings in force. */
export function ChangedParts({ parts }: { parts: readonly ('template' | 'scheme' | 'rules')[] }) {
  const t = useMessages(whatIfMessages);
  if (parts.length === 0) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('setup.changed.none')}
      </Typography.Text>
    );
  }
  return (
    <span>
      {t('setup.changed', { parts: '' })}
      {parts.map((p) => (
        <Tag key={p} color="gold" style={{ marginInlineStart: 4 }}>
          {t(`setup.part.${p}`)}
        </Tag>
      ))}
    </span>
  );
}
