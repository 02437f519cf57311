import { Segmented } from 'antd';
import type { Lang } from '../lib/i18n-core.ts';
import { useLang, useT } from '../lib/i18n.tsx';

/** 中文 / English. */
export function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <Segmented<Lang>
      aria-label={t('lang.switch')}
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { value: 'zh', label: t('lang.zh') },
        { value: 'en', label: t('lang.en') },
      ]}
    />
  );
}
