/** The audit log (审计日志): append-only and hash-chained; every write of the product appends here in the
 * same transaction as the write itself. */

export interface AuditActor {
  readonly userId: string | null;
  readonly username: string | null;
  readonly ip: string | null;
}

export interface AuditEventInput {
  readonly actor: AuditActor;
  /** Verb-noun, e.g. 'user.create', 'template.publish', 'session.login'. */
  readonly action: string;
  readonly objectType: string | null;
  readonly objectId: string | null;
  readonly mofDivCode: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditEventRecord {
  readonly id: number;
  readonly at: Date;
  readonly userId: string | null;
  readonly username: string | null;
  readonly ip: string | null;
  readonly action: string;
  readonly objectType: string | null;
  readonly objectId: string | null;
  readonly mofDivCode: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly prevHash: string | null;
  readonly hash: string;
}

export interface AuditFilter {
  readonly divisionCodes: readonly string[] | null;
  readonly userId?: string;
  readonly username?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly action?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly offset: number;
  readonly limit: number;
}

export interface AuditVerification {
  readonly checked: number;
  /** The first event whose link or hash does not hold, or null when the whole chain holds. */
  readonly firstBroken: { readonly id: number; readonly reason: 'hash' | 'link' } | null;
}

export interface AuditPort {
  append(event: AuditEventInput): Promise<AuditEventRecord>;
  list(filter: AuditFilter): Promise<{ items: AuditEventRecord[]; total: number }>;
  verify(): Promise<AuditVerification>;
}
