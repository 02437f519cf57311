import { LIGHT_COLORS, type Light } from '../lib/grades.ts';
import { useT } from '../lib/i18n.tsx';

/** A monitoring warning light: a coloured dot with its word (红灯/黄灯/绿灯/蓝灯), never colour alone. */
export function WarningLight({ light, label }: { light: Light; label?: string }) {
  const t = useT();
  return (
    <span className="jx-light">
      <span className="jx-light-dot" style={{ background: LIGHT_COLORS[light] }} aria-hidden />
      <span>{label ?? t(`light.${light}`)}</span>
    </span>
  );
}
