import { Tag } from 'antd';
import { findGradeBand } from '../lib/grades.ts';
import { useLang } from '../lib/i18n.tsx';

/**
 * A grade as a coloured tag: 优 green, 良 blue, 中 gold, 低 orange, 差 red (colours of
 * core/scoring/grades.ts). `grade` is a band code ('excellent') or label ('优'); a server that sends its
 * own label and colour can pass them.
 */
export function GradeTag({ grade, label, color }: { grade: string; label?: string; color?: string }) {
  const { lang } = useLang();
  const band = findGradeBand(grade) ?? (label ? findGradeBand(label) : undefined);
  const text = lang === 'en' && band ? band.labelEn : (label ?? band?.label ?? grade);
  return (
    <Tag color={color ?? band?.color ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
}
