import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ScoringVersion } from '../../../contracts/scoring.ts';
import type { VersionView } from '../../../contracts/templates.ts';
import type {
  ScorecardContext,
  SelfEvalContext,
  WhatIfFilter,
  WhatIfResult,
  WhatIfSort,
} from '../../../contracts/whatif.ts';
import type { TemplateDefinition } from '../../../core/indicators/types.ts';
import type { GradeScheme } from '../../../core/scoring/grades.ts';
import { api, saveFile } from '../../lib/api.ts';
import type { ApiError } from '../../lib/api-error.ts';

/** Published versions usable in a division and year (the baselines to choose from). */
export function useBaselineVersions(division: string, year: number) {
  return useQuery<ScoringVersion[], ApiError>({
    queryKey: ['scoring', 'versions', division, year],
    queryFn: ({ signal }) =>
      api.get<ScoringVersion[]>('/scoring/versions', { query: { division, year }, signal }),
  });
}

export function useScorecardContext(versionId: string | null, division: string) {
  return useQuery<ScorecardContext, ApiError>({
    queryKey: ['whatif', 'context', 'scorecard', versionId, division],
    queryFn: ({ signal }) =>
      api.get<ScorecardContext>('/whatif/scorecards/context', { query: { versionId, division }, signal }),
    enabled: versionId !== null,
  });
}

export function useSelfEvalContext(division: string, year: number) {
  return useQuery<SelfEvalContext, ApiError>({
    queryKey: ['whatif', 'context', 'selfeval', division, year],
    queryFn: ({ signal }) =>
      api.get<SelfEvalContext>('/whatif/self-evaluations/context', { query: { division, year }, signal }),
  });
}

/** A draft's tree (to start the scenario from it). */
export function useDraftVersion(id: string | null) {
  return useQuery<VersionView, ApiError>({
    queryKey: ['templates', 'version', id],
    queryFn: ({ signal }) => api.get<VersionView>(`/template-versions/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** The table part of a request: one page of the filtered, sorted rows. */
export interface TableQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly sort?: WhatIfSort;
  readonly order?: 'asc' | 'desc';
  readonly filter: WhatIfFilter;
  readonly from?: string;
  readonly to?: string;
  readonly q?: string;
  /** Rows of this division and below (self-evaluations). */
  readonly rowDivision?: string;
}

/** What a scenario changes (POST /whatif/…, contracts/whatif.ts), each part left out stays as in force. */
export interface ScenarioBody {
  readonly draftVersionId?: string;
  readonly definition?: TemplateDefinition;
  readonly gradeScheme?: GradeScheme;
  readonly consequenceRules?: unknown;
}

export type WhatIfRequest =
  | {
      kind: 'scorecard';
      body: {
        versionId: string;
        division: string;
        source: 'auto' | 'run' | 'inputs';
        scenario: ScenarioBody;
      } & Partial<TableQuery>;
    }
  | {
      kind: 'self_evaluation';
      body: { division: string; year: number; scenario: ScenarioBody } & Partial<TableQuery>;
    };

const path = (kind: WhatIfRequest['kind']) =>
  kind === 'scorecard' ? '/whatif/scorecards' : '/whatif/self-evaluations';

/** The comparison of a submitted scenario, one page of rows (paging re-runs it on the server). */
export function useWhatIf(request: WhatIfRequest | null) {
  return useQuery<WhatIfResult, ApiError>({
    queryKey: ['whatif', 'run', request],
    queryFn: ({ signal }) => api.post<WhatIfResult>(path(request!.kind), request!.body, { signal }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

/** 导出Excel: every filtered row of the comparison. */
export function useExportWhatIf() {
  return useMutation<void, ApiError, { request: WhatIfRequest; lang: 'zh' | 'en' }>({
    mutationFn: async ({ request, lang }) => {
      const file = await api.download('POST', `${path(request.kind)}/export`, {
        body: { ...request.body, lang },
      });
      saveFile(file, lang === 'en' ? 'what-if.xlsx' : '情景模拟.xlsx');
    },
  });
}
