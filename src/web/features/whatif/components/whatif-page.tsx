import { useState } from 'react';
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useMessages } from '../../../lib/i18n.tsx';
import { useScope } from '../../../lib/scope.tsx';
import { whatIfMessages } from '../messages.ts';
import { ScorecardTab } from './scorecard-tab.tsx';
import { SelfEvalTab } from './selfeval-tab.tsx';

/**
 * 综合评价与画像 › 情景模拟: a scorecard's published version against edited weights, thresholds, grade
 * bands and reward/penalty rules, or every project self-evaluation of the year against edited bands and
 * cut ratios — side by side, before anything is published. Links may open it on a version or a draft:
 * `?tab=scorecard&versionId=…&draftVersionId=…` or `?tab=selfeval`.
 */
export default function WhatIfPage() {
  const t = useMessages(whatIfMessages);
  const scope = useScope();
  const [params] = useSearchParams();
  const [tab, setTab] = useState(params.get('tab') === 'selfeval' ? 'selfeval' : 'scorecard');
  return (
    <>
      <PageHeader subtitle={t('page.subtitle', { division: scope.divisionName, year: scope.fiscalYear })} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden={false}
        items={[
          {
            key: 'scorecard',
            label: t('tab.scorecard'),
            children: (
              <ScorecardTab
                key={`${scope.divisionCode}/${scope.fiscalYear}`}
                initialVersionId={params.get('versionId')}
                initialDraftId={params.get('draftVersionId')}
              />
            ),
          },
          {
            key: 'selfeval',
            label: t('tab.selfeval'),
            children: <SelfEvalTab key={`${scope.divisionCode}/${scope.fiscalYear}`} />,
          },
        ]}
      />
    </>
  );
}
