/**
 * What the ledger services (通报与整改台账) need of storage: notices, rectification items and their steps,
 * problem clues, evidence files, and the counts the dashboards show. Implemented by
 * db/repositories/ledger-repo.ts. Record types are plain data, not database rows.
 */
import type {
  ClueStatus,
  ItemStatus,
  ManualSourceType,
  NoticeStatus,
  Severity,
  SourceRef,
  SourceType,
  StepEvent,
} from './types.ts';

export interface NoticeRecord {
  readonly id: string;
  /** The issuing division. */
  readonly mofDivCode: string;
  readonly fiscalYear: number | null;
  readonly title: string;
  /** 文号. */
  readonly docNo: string | null;
  readonly body: string;
  readonly sourceRunId: string | null;
  readonly status: NoticeStatus;
  readonly issuerOrgId: string | null;
  readonly issuerOrgName: string | null;
  /** The default deadline of its items. */
  readonly deadline: string | null;
  readonly issuedBy: string | null;
  readonly issuedByName: string | null;
  readonly issuedAt: Date | null;
  readonly closedAt: Date | null;
  readonly version: number;
  readonly createdAt: Date;
}

/** A notice as listed: with its items counted (as far as the reader may see them). */
export interface NoticeSummary extends NoticeRecord {
  readonly itemCount: number;
  readonly acceptedCount: number;
  readonly overdueCount: number;
  readonly ownerCount: number;
}

export interface NewNotice {
  readonly mofDivCode: string;
  readonly fiscalYear: number | null;
  readonly title: string;
  readonly docNo: string | null;
  readonly body: string;
  readonly sourceRunId: string | null;
  readonly issuerOrgId: string | null;
  readonly deadline: string | null;
  readonly issuedBy: string;
  readonly issuedAt: Date;
}

export interface ItemRecord {
  readonly id: string;
  /** The owner's division. */
  readonly mofDivCode: string;
  readonly fiscalYear: number | null;
  readonly noticeId: string | null;
  readonly noticeTitle: string | null;
  readonly noticeDocNo: string | null;
  readonly clueId: string | null;
  readonly itemNo: number;
  readonly ownerOrgId: string;
  readonly ownerOrgName: string;
  readonly issuerMofDivCode: string;
  readonly issuerOrgId: string | null;
  readonly subjectId: string | null;
  readonly title: string;
  readonly requirement: string;
  readonly deadline: string;
  readonly status: ItemStatus;
  readonly evidence: string | null;
  readonly submittedAt: Date | null;
  readonly reviewedBy: string | null;
  readonly reviewedAt: Date | null;
  readonly reviewNote: string | null;
  readonly escalatedAt: Date | null;
  readonly escalationLevel: number;
  readonly closedAt: Date | null;
  readonly sourceType: SourceType;
  readonly sourceId: string | null;
  readonly sourceRef: SourceRef;
  readonly createdBy: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NewItem {
  readonly mofDivCode: string;
  readonly fiscalYear: number | null;
  readonly noticeId: string | null;
  readonly clueId: string | null;
  readonly itemNo: number;
  readonly ownerOrgId: string;
  readonly issuerMofDivCode: string;
  readonly issuerOrgId: string | null;
  readonly subjectId: string | null;
  readonly title: string;
  readonly requirement: string;
  readonly deadline: string;
  readonly sourceType: SourceType;
  readonly sourceId: string | null;
  readonly sourceRef: SourceRef;
  readonly createdBy: string;
}

export interface ItemPatch {
  readonly status?: ItemStatus;
  readonly evidence?: string | null;
  readonly submittedAt?: Date | null;
  readonly reviewedBy?: string | null;
  readonly reviewedAt?: Date | null;
  readonly reviewNote?: string | null;
  readonly closedAt?: Date | null;
}

export interface StepRecord {
  readonly id: string;
  readonly itemId: string;
  readonly mofDivCode: string;
  readonly event: StepEvent;
  readonly fromStatus: ItemStatus | null;
  readonly toStatus: ItemStatus;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly opinion: string | null;
  readonly evidence: string | null;
  readonly attachments: readonly { readonly id: string; readonly fileName: string }[];
  readonly at: Date;
}

export type NewStep = Omit<StepRecord, 'id'>;

export const ITEM_SORTS = ['deadline', 'status', 'createdAt', 'owner', 'title', 'itemNo'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

/** Who may see which items: owned in these divisions or issued by them, and (organization-bound) owned by these. */
export interface ItemScope {
  readonly divisionCodes: readonly string[];
  readonly organizationIds: readonly string[] | null;
}

export interface ItemFilter {
  readonly scope: ItemScope;
  readonly statuses?: readonly ItemStatus[];
  /** true: past the deadline and not accepted; false: not overdue. Needs `today`. */
  readonly overdue?: boolean;
  readonly today: string;
  readonly sourceTypes?: readonly SourceType[];
  readonly ownerOrgIds?: readonly string[];
  /** Owned in these divisions (a division's subtree). */
  readonly ownerDivisionCodes?: readonly string[];
  /** Issued by this division. */
  readonly issuerMofDivCode?: string;
  readonly noticeId?: string;
  readonly deadlineFrom?: string;
  readonly deadlineTo?: string;
  readonly q?: string;
  readonly sort: ItemSort;
  readonly order: 'asc' | 'desc';
  readonly offset: number;
  /** null: every matching row (exports). */
  readonly limit: number | null;
}

export interface NoticeFilter {
  /** Issued by these divisions, or holding an item in `scope`. */
  readonly scope: ItemScope;
  readonly fiscalYear?: number;
  readonly runId?: string;
  readonly q?: string;
  readonly today: string;
  readonly offset: number;
  readonly limit: number;
}

export interface ClueRecord {
  readonly id: string;
  /** The division the problem belongs to. */
  readonly mofDivCode: string;
  readonly fiscalYear: number | null;
  readonly reportedMofDivCode: string | null;
  readonly source: ManualSourceType | 'scorecard';
  readonly sourceType: string | null;
  readonly sourceId: string | null;
  readonly subjectOrgId: string | null;
  readonly title: string | null;
  readonly description: string;
  readonly sourceDocument: string | null;
  readonly attachmentId: string | null;
  readonly severity: Severity;
  readonly amountFen: number | null;
  readonly status: ClueStatus;
  readonly createdBy: string | null;
  readonly version: number;
  readonly createdAt: Date;
}

export type NewClue = Omit<ClueRecord, 'id' | 'status' | 'version' | 'createdAt'>;

export interface FileInfo {
  readonly id: string;
  readonly mofDivCode: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly objectType: string | null;
  readonly objectId: string | null;
  readonly uploadedBy: string | null;
  readonly createdAt: Date;
}

export interface NewFile {
  readonly mofDivCode: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
  readonly sha256: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly uploadedBy: string;
}

/** What the dashboards show of the ledger: the owner's and the issuer's work. */
export interface LedgerTaskCounts {
  /** Items the organization owns that wait for its rectification (open or returned). */
  readonly ownerPending: number;
  readonly ownerOverdue: number;
  readonly ownerNextDeadline: string | null;
  /** Items the division issued that wait for its review. */
  readonly issuerToReview: number;
  readonly issuerOverdue: number;
}

export interface OrganizationRef {
  readonly id: string;
  readonly mofDivCode: string;
  readonly kind: string;
  readonly name: string;
  readonly parentId: string | null;
}

export interface LedgerPort {
  createNotice(n: NewNotice): Promise<NoticeRecord>;
  getNotice(id: string): Promise<NoticeRecord | null>;
  listNotices(f: NoticeFilter): Promise<{ items: NoticeSummary[]; total: number }>;
  setNoticeStatus(id: string, status: NoticeStatus, closedAt: Date | null): Promise<void>;

  insertItems(items: readonly NewItem[]): Promise<ItemRecord[]>;
  getItem(id: string): Promise<ItemRecord | null>;
  listItems(f: ItemFilter): Promise<{ items: ItemRecord[]; total: number }>;
  /** Applies a patch when the stored version is `expectedVersion`; null when it is not (stale write). */
  updateItem(id: string, expectedVersion: number, patch: ItemPatch): Promise<ItemRecord | null>;
  /** Items of a notice or a clue (every status), for closing. */
  itemsOf(of: { readonly noticeId?: string; readonly clueId?: string }): Promise<ItemRecord[]>;
  appendSteps(steps: readonly NewStep[]): Promise<void>;
  listSteps(itemId: string): Promise<StepRecord[]>;
  /**
   * Marks every pending item whose deadline lies before `today` and that is not escalated yet: sets
   * escalated_at and escalation level 1. Idempotent; returns the items it marked.
   */
  escalateOverdue(today: string, at: Date): Promise<ItemRecord[]>;

  createClue(c: NewClue): Promise<ClueRecord>;
  getClue(id: string): Promise<ClueRecord | null>;
  setClueStatus(id: string, status: ClueStatus): Promise<void>;
  setClueAttachment(id: string, attachmentId: string): Promise<void>;

  createFile(f: NewFile): Promise<FileInfo>;
  getFile(id: string): Promise<(FileInfo & { readonly content: Uint8Array }) | null>;
  listFiles(ids: readonly string[]): Promise<FileInfo[]>;
  /** Files uploaded for a record (oldest first). */
  filesOf(objectType: string, objectId: string): Promise<FileInfo[]>;

  /** The finance bureau (财政部门) of a division: the owner of its division subjects' items. */
  financeBureauOf(mofDivCode: string): Promise<OrganizationRef | null>;
  getOrganization(id: string): Promise<OrganizationRef | null>;
  /** The notice defaults configured for a division and year (setting `ledger.notice_defaults`), raw. */
  noticeDefaults(mofDivCode: string, fiscalYear: number): Promise<unknown>;

  /**
   * Counts for the dashboards: items owned by these organizations (or, for a finance bureau, owned in its
   * division by it), and items issued by this division.
   */
  taskCounts(q: {
    readonly ownerOrgIds: readonly string[];
    readonly issuerMofDivCode: string | null;
    readonly today: string;
  }): Promise<LedgerTaskCounts>;
}
