import { formatDateProse } from '../lib/format.ts';
import { useLang, useT } from '../lib/i18n.tsx';
import { useScope } from '../lib/scope.tsx';
import { useSession } from '../lib/session.tsx';

/**
 * Shown on paper only (print stylesheet): the 单位 (the user's organization, or the division when the
 * user has none) on the left, the division and year in the middle, the print date on the right.
 */
export function PrintHeader() {
  const t = useT();
  const { lang } = useLang();
  const me = useSession();
  const scope = useScope();
  const unit = me.user.organizationName ?? me.user.divisionName;
  return (
    <div className="jx-print-only jx-print-header" aria-hidden>
      <span>{t('common.printUnit', { unit })}</span>
      <span>{t('scope.print', { division: scope.divisionName, year: scope.fiscalYear })}</span>
      <span>{t('common.printedAt', { date: formatDateProse(new Date(), lang) })}</span>
    </div>
  );
}
