import type { CSSProperties } from 'react';
import { Alert, Button } from 'antd';
import { errorText, isApiError } from '../lib/api-error.ts';
import { useLang, useT } from '../lib/i18n.tsx';

/**
 * An error as the server worded it: what was refused and why, in the current language, with the code for
 * the administrator and a retry button when `onRetry` is given.
 */
export function ErrorAlert({
  error,
  title,
  onRetry,
  style,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  style?: CSSProperties;
}) {
  const { lang } = useLang();
  const t = useT();
  const code = isApiError(error) ? error.code : undefined;
  return (
    <Alert
      type="error"
      showIcon
      {...(style ? { style } : {})}
      title={title ?? t('error.loadTitle')}
      description={
        <>
          <div>{errorText(error, lang)}</div>
          {code ? (
            <div style={{ marginTop: 4, opacity: 0.65, fontSize: 12 }}>{t('error.code', { code })}</div>
          ) : null}
        </>
      }
      {...(onRetry
        ? {
            action: (
              <Button size="small" onClick={onRetry}>
                {t('common.retry')}
              </Button>
            ),
          }
        : {})}
    />
  );
}
