/**
 * 整改台账 (rectification ledger, M9): problem clues from every source, notices (通报) issued on them, and
 * rectification items with owner, deadline, evidence, review and overdue escalation. Plain data.
 */

/** Where a problem came from: scorecards, evaluations, financial supervision, audit, inspection, monitoring. */
export const SOURCE_TYPES = [
  'scorecard',
  'evaluation',
  'supervision',
  'audit',
  'inspection',
  'monitoring',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const SOURCE_TYPE_LABELS: Record<SourceType, { zh: string; en: string }> = {
  scorecard: { zh: '综合评价', en: 'Scorecard' },
  evaluation: { zh: '绩效评价', en: 'Evaluation' },
  supervision: { zh: '财会监督', en: 'Financial supervision' },
  audit: { zh: '审计监督', en: 'Audit' },
  inspection: { zh: '巡视巡察', en: 'Inspection' },
  monitoring: { zh: '运行监控', en: 'Monitoring' },
};

/** Sources a clue may be entered from by hand (with its source document). */
export const MANUAL_SOURCE_TYPES = [
  'supervision',
  'audit',
  'inspection',
  'evaluation',
  'monitoring',
] as const;
export type ManualSourceType = (typeof MANUAL_SOURCE_TYPES)[number];

/**
 * The generic link from an item to where it came from. `type` + `id` name the record (a scoring run, an
 * evaluation, a clue); `ref` carries what a person needs to follow it (the run and subject of a result,
 * the indicator that lost points, the document of an audit finding). New sources add fields to `ref`.
 */
export interface SourceRef {
  readonly runId?: string;
  readonly runName?: string | null;
  readonly subjectId?: string;
  readonly subjectName?: string;
  readonly indicatorCode?: string;
  readonly indicatorName?: string;
  readonly indicatorPath?: string;
  readonly weight?: number;
  readonly points?: number;
  readonly lost?: number;
  readonly total?: number;
  readonly grade?: string;
  readonly rank?: number | null;
  /** 来源文件 (文号/名称) of a clue from supervision, audit or inspection. */
  readonly document?: string;
  readonly clueId?: string;
}

export interface SourceLink {
  readonly type: SourceType;
  /** The source record's id (run, evaluation, clue …). */
  readonly id: string | null;
  readonly ref: SourceRef;
}

export const ITEM_STATUSES = ['open', 'submitted', 'returned', 'accepted', 'closed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Steps recorded on an item: the machine's events plus issuing and escalation. */
export const STEP_EVENTS = ['issue', 'submit', 'accept', 'return', 'close', 'escalate'] as const;
export type StepEvent = (typeof STEP_EVENTS)[number];

export const NOTICE_STATUSES = ['draft', 'issued', 'withdrawn', 'closed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const CLUE_STATUSES = ['open', 'in_rectification', 'closed', 'dismissed'] as const;
export type ClueStatus = (typeof CLUE_STATUSES)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];
