import { Select, Tag } from 'antd';
import type { GradeScheme, Run, ScoringVersion } from '../../../../contracts/scoring.ts';
import { INPUT_SOURCE_LABELS, INPUT_SOURCES, type InputSource } from '../../../../core/scoring/ports.ts';
import { GradeTag } from '../../../components/grade-tag.tsx';
import { useLang, useMessages, usePick } from '../../../lib/i18n.tsx';
import { scoringMessages } from '../messages.ts';

export const INCOMPLETE = 'incomplete';

/** A weight as printed in headers: 35, 2.5 (no trailing zeros). */
export const points = (w: number): string => String(Math.round(w * 100) / 100);

const STATUS_COLOR: Record<Run['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

export function RunStatusTag({ status }: { status: Run['status'] }) {
  const t = useMessages(scoringMessages);
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** A result's grade in the run's own scheme; 数据不全 for subjects that lack inputs. */
export function ResultGrade({ grade, scheme }: { grade: string; scheme: GradeScheme | undefined }) {
  const t = useMessages(scoringMessages);
  const { lang } = useLang();
  if (grade === INCOMPLETE) {
    return (
      <Tag style={{ marginInlineEnd: 0 }} color="default">
        {t('run.incompleteGrade')}
      </Tag>
    );
  }
  const band = scheme?.bands.find((b) => b.code === grade);
  return band ? (
    <GradeTag grade={band.code} label={lang === 'en' ? band.labelEn : band.label} color={band.color} />
  ) : (
    <GradeTag grade={grade} />
  );
}

/** The name of a run: its own, else the template and version. */
export function useRunTitle(): (
  run: Pick<Run, 'name' | 'templateName' | 'templateNameEn' | 'versionNo'>,
) => string {
  const t = useMessages(scoringMessages);
  const pick = usePick();
  return (run) =>
    run.name ??
    t('runs.unnamed', {
      template: pick({ zh: run.templateName, en: run.templateNameEn }),
      version: run.versionNo,
    });
}

export function useSourceLabel(): (s: InputSource) => string {
  const pick = usePick();
  return (s) => pick(INPUT_SOURCE_LABELS[s]);
}

export function SourceSelect({
  value,
  onChange,
  disabled,
}: {
  value: InputSource;
  onChange: (v: InputSource) => void;
  disabled?: boolean;
}) {
  const label = useSourceLabel();
  return (
    <Select<InputSource>
      value={value}
      onChange={onChange}
      disabled={disabled ?? false}
      style={{ width: '100%' }}
      options={INPUT_SOURCES.filter((s) => s !== 'import' || value === 'import').map((s) => ({
        value: s,
        label: label(s),
      }))}
    />
  );
}

/** Chooses a published template version of the scope's year. */
export function VersionSelect({
  versions,
  value,
  onChange,
  loading,
  width = 460,
}: {
  versions: readonly ScoringVersion[];
  value: string | null;
  onChange: (id: string) => void;
  loading?: boolean;
  width?: number;
}) {
  const t = useMessages(scoringMessages);
  const pick = usePick();
  return (
    <Select<string>
      {...(value ? { value } : {})}
      onChange={onChange}
      loading={loading ?? false}
      placeholder={t('start.versionPlaceholder')}
      style={{ width, maxWidth: '100%' }}
      popupMatchSelectWidth={false}
      options={versions.map((v) => ({
        value: v.id,
        label: t('version.option', {
          template: pick({ zh: v.templateName, en: v.templateNameEn }),
          year: v.fiscalYear,
          version: v.versionNo,
          leaves: v.leafCount,
        }),
      }))}
    />
  );
}

/** A value as entered: a number, a level's short label, or 不适用. */
export function formatInputValue(
  value: number | null | undefined,
  field: {
    format: string;
    unit: string | null;
    levels?: readonly { short: string; labelEn: string | null }[] | null;
  },
  lang: 'zh' | 'en',
  na: string,
  none: string,
): string {
  if (value === undefined) return none;
  if (value === null) return na;
  if (field.format === 'level' && field.levels) {
    const l = field.levels[value];
    return l ? (lang === 'en' ? (l.labelEn ?? l.short) : l.short) : String(value);
  }
  const n = Number.isInteger(value)
    ? value.toLocaleString('zh-CN')
    : value.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
  return field.unit && field.unit !== '分' ? `${n}${field.unit}` : n;
}

/** A job's progress line: the server's message in Chinese, the step count in English. */
export function jobStep(
  job: { status: string; progress: number; total: number | null; message: string | null },
  lang: 'zh' | 'en',
  t: (key: 'job.step' | 'status.queued', params?: Record<string, string | number>) => string,
): string {
  if (job.status === 'queued') return t('status.queued');
  if (lang === 'zh' && job.message) return job.message;
  return t('job.step', { done: job.progress, total: job.total ?? '?' });
}
