import type { TemplateVersionSummary, TemplateView } from '../../../contracts/templates.ts';
import type { Translate } from '../../lib/i18n.tsx';
import type { TemplateMessageKey } from './messages.ts';

/** Tag colours of version statuses. */
export const VERSION_STATUS_COLORS = { draft: 'gold', published: 'green', retired: 'default' } as const;

/** "2026年度第2版" / "FY 2026 v2". */
export function versionLabel(
  t: Translate<TemplateMessageKey>,
  v: Pick<TemplateVersionSummary, 'fiscalYear' | 'versionNo'>,
): string {
  return t('yearVersionLabel', { year: v.fiscalYear, n: v.versionNo });
}

/** The version a year uses: the published one, else null. */
export function publishedFor(template: TemplateView, year: number): TemplateVersionSummary | null {
  return template.versions.find((v) => v.fiscalYear === year && v.status === 'published') ?? null;
}

/** The latest published version of any year. */
export function latestPublished(template: TemplateView): TemplateVersionSummary | null {
  return template.versions.find((v) => v.status === 'published') ?? null;
}

/** Versions grouped by fiscal year, newest year first (the API sends them newest first). */
export function versionsByYear(
  versions: readonly TemplateVersionSummary[],
): { year: number; versions: TemplateVersionSummary[] }[] {
  const out: { year: number; versions: TemplateVersionSummary[] }[] = [];
  for (const v of versions) {
    const last = out[out.length - 1];
    if (last && last.year === v.fiscalYear) last.versions.push(v);
    else out.push({ year: v.fiscalYear, versions: [v] });
  }
  return out;
}
