import { formatDate, formatDateProse, formatDateTime } from '../lib/format.ts';
import { useLang } from '../lib/i18n.tsx';

/**
 * A date: `prose` (default) as 2026年7月31日 (31 July 2026), `table` as 2026-07-31, `datetime` as
 * 2026-07-31 14:05. Accepts 'YYYY-MM-DD', an ISO instant or a Date.
 */
export function DateText({
  value,
  variant = 'prose',
}: {
  value: string | Date | null | undefined;
  variant?: 'prose' | 'table' | 'datetime';
}) {
  const { lang } = useLang();
  const text =
    variant === 'table'
      ? formatDate(value)
      : variant === 'datetime'
        ? formatDateTime(value)
        : formatDateProse(value, lang);
  const iso = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : undefined;
  return iso ? (
    <time dateTime={iso} className="jx-num">
      {text}
    </time>
  ) : (
    <span>{text}</span>
  );
}
