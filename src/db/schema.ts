/**
 * The one database schema of jixiao (drizzle pgTable), for the whole mission M1–M12.
 *
 * Conventions (src/db/README.md, STYLE.md):
 * - snake_case plural tables, camelCase fields; ids are uuid (`defaultRandom()`).
 * - money is integer fen in BIGINT columns named `*_fen`, read as JS numbers (safe integers).
 * - every business table carries `mof_div_code` (财政区划, GB/T 2260) and `fiscal_year` where a year applies;
 *   `mof_div_code` references the `divisions` code table.
 * - foreign keys: to code tables (divisions, published template versions) and, inside one division, from a
 *   child to its parent through (mof_div_code, parent_id) so a child can never leave its parent's division.
 *   References that may cross divisions (a county's item under a province notice, a shared expert) are plain
 *   uuid columns checked by the services.
 * - enum-like columns are text with a CHECK constraint (adding a value is a small migration, no ALTER TYPE).
 * - editable records carry `version` (optimistic locking) and `created_at`/`updated_at`.
 * Only PostgreSQL 15 features: the same migrations run on the server and on PGlite.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
  type AnyPgColumn,
  type PgColumn,
} from 'drizzle-orm/pg-core';
import type { TemplateDefinition } from '../core/indicators/types.ts';
import type { GradeBand, GradeScheme } from '../core/scoring/grades.ts';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../core/access/ports.ts';

// ---------------------------------------------------------------------------------------------------------
// Vocabularies (the values of enum-like text columns)
// ---------------------------------------------------------------------------------------------------------

export const DIVISION_LEVELS = [
  'province',
  'prefecture',
  'county',
  'statistical-zone',
  'prefecture-equivalent',
  'county-equivalent',
] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

/** gbt2260: official code; statistical: NBS development-zone code (x7x); local: project-local (长白山). */
export const DIVISION_CODE_KINDS = ['gbt2260', 'statistical', 'local'] as const;
export type DivisionCodeKind = (typeof DIVISION_CODE_KINDS)[number];

/** 类 / 款 / 项 of the expenditure function classification. */
export const FUNCTION_CLASS_LEVELS = ['class', 'section', 'item'] as const;

/** The six fund classes of the Jilin plan (T4–T9). */
export const FUND_CLASSES = [
  'development', // 高质量发展专项资金
  'major_investment', // 重大项目
  'government_operation', // 政务运行
  'urban_operation', // 城市运维
  'livelihood', // 民生
  'emergency', // 应急稳定
] as const;
export type FundClass = (typeof FUND_CLASSES)[number];

export { ORGANIZATION_KINDS, type OrganizationKind };

export const ROLES = [
  'admin',
  'province_finance',
  'review_committee',
  'finance_bureau',
  'finance_division',
  'budget_department',
  'budget_unit',
  'agency',
  'expert',
  'congress',
] as const;
export type Role = (typeof ROLES)[number];

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const TEMPLATE_SUBJECT_KINDS = [
  'county_fiscal',
  'department_budget',
  'finance_division',
  'investment_fund',
  'state_assets',
  'revenue',
  'frugality',
  'project_selfeval',
  'project_evaluation',
  'other',
] as const;
export type TemplateSubjectKind = (typeof TEMPLATE_SUBJECT_KINDS)[number];

export const TEMPLATE_VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type TemplateVersionStatus = (typeof TEMPLATE_VERSION_STATUSES)[number];

export const INDICATOR_DIRECTIONS = ['positive', 'reverse', 'equality', 'qualitative'] as const;
/** 计划标准 / 行业标准 / 历史标准 / 预算支出标准 / 其他标准. */
export const VALUE_BASES = ['plan', 'industry', 'history', 'budget_standard', 'other'] as const;
export type ValueBasis = (typeof VALUE_BASES)[number];
/** How a goal indicator's target is printed: ≥A, ≤A, =A or 定性. */
export const COMPARISONS = ['>=', '<=', '=', 'qualitative'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const FUND_TYPES = ['special_fund', 'transfer_payment', 'bond', 'investment_fund'] as const;
export const PROJECT_KINDS = ['new', 'continuing', 'increase'] as const;
export const LIBRARY_STATUSES = ['draft', 'under_review', 'in_library', 'rejected'] as const;
export const GOAL_STATUSES = [
  'draft',
  'first_submitted',
  'first_returned',
  'second_submitted',
  'approved',
] as const;
export const GOAL_REVIEW_ROUNDS = ['first_up', 'first_down', 'second_up', 'second_down'] as const;
export const LIGHTS = ['red', 'yellow', 'green', 'blue'] as const;
export type Light = (typeof LIGHTS)[number];
export const MEASURE_KINDS = ['correct', 'adjust', 'suspend', 'stop', 'recover'] as const;
export const EVALUATION_KINDS = ['self', 'department', 'finance'] as const;
export const CONSEQUENCE_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
/** reward (+), cut (−), cancel (取消以后年度预算), priority, as_needed, none (core/consequences). */
export const CONSEQUENCE_ACTIONS = ['reward', 'priority', 'as_needed', 'cut', 'cancel', 'none'] as const;
export const SUBJECT_KINDS = [
  'division',
  'department',
  'finance_division',
  'fund',
  'asset_class',
  'revenue_item',
  'project',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const INPUT_SOURCES = [
  'budget_system',
  'statistics',
  'audit',
  'inspection',
  'supervision',
  'self_report',
  'manual',
  'import',
] as const;
export type InputSource = (typeof INPUT_SOURCES)[number];
export const CLUE_SOURCES = [
  'evaluation',
  'supervision',
  'audit',
  'inspection',
  'scorecard',
  'monitoring',
] as const;
export const RECTIFICATION_STATUSES = ['open', 'submitted', 'accepted', 'returned', 'closed'] as const;
export const NOTICE_STATUSES = ['draft', 'issued', 'withdrawn', 'closed'] as const;
/** What a rectification step records: the workflow's events plus issuing and escalation. */
export const RECTIFICATION_STEP_EVENTS = [
  'issue',
  'submit',
  'accept',
  'return',
  'close',
  'escalate',
] as const;

// ---------------------------------------------------------------------------------------------------------
// Column helpers
// ---------------------------------------------------------------------------------------------------------

const id = () => uuid('id').primaryKey().defaultRandom();
const divisionRef = () => varchar('mof_div_code', { length: 12 }).references(() => divisions.code);
const mofDivCode = () => divisionRef().notNull();
const fiscalYear = () => integer('fiscal_year').notNull();
const fen = (name: string) => bigint(name, { mode: 'number' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => instant('created_at').notNull().defaultNow();
const updatedAt = () => instant('updated_at').notNull().defaultNow();
const lockVersion = () => integer('version').notNull().default(1);
const day = (name: string) => date(name, { mode: 'string' });
/** A score out of (usually) 100 with two decimals. */
const score = (name: string) => numeric(name, { precision: 7, scale: 2, mode: 'number' });

/** Raw bytes: Buffer from pg, Uint8Array from PGlite; always handed out as Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value)),
});

const quoted = (values: readonly string[]): SQL =>
  sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', '));

/** CHECK (column IN (...)); named `<table>_<column>_check`. */
function oneOf(table: string, column: PgColumn, values: readonly string[]) {
  return check(`${table}_${column.name}_check`, sql`${sql.identifier(column.name)} in (${quoted(values)})`);
}

// ---------------------------------------------------------------------------------------------------------
// Code tables
// ---------------------------------------------------------------------------------------------------------

/** 行政区划（财政区划）: GB/T 2260 divisions plus statistical and project-local codes. */
export const divisions = pgTable(
  'divisions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    level: text('level', { enum: DIVISION_LEVELS }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }).references((): AnyPgColumn => divisions.code),
    codeKind: text('code_kind', { enum: DIVISION_CODE_KINDS }).notNull(),
    /** Codes from the root down to this division, '/'-separated: '220000/220100/220102'. */
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    note: text('note'),
  },
  (t) => [
    unique('divisions_path_key').on(t.path),
    index('divisions_parent_code_idx').on(t.parentCode),
    index('divisions_path_prefix_idx').on(t.path.op('text_pattern_ops')),
    oneOf('divisions', t.level, DIVISION_LEVELS),
    oneOf('divisions', t.codeKind, DIVISION_CODE_KINDS),
  ],
);

/** 支出功能分类科目: 类 / 款 / 项. */
export const expenditureFunctionClasses = pgTable(
  'expenditure_function_classes',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: FUNCTION_CLASS_LEVELS }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
    /** How the row was checked against 《政府收支分类科目》: 'verified' or 'knowledge'. */
    verification: text('verification').notNull().default('verified'),
    note: text('note'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('expenditure_function_classes_parent_code_idx').on(t.parentCode),
    foreignKey({
      name: 'expenditure_function_classes_parent_fk',
      columns: [t.parentCode],
      foreignColumns: [t.code],
    }),
    oneOf('expenditure_function_classes', t.level, FUNCTION_CLASS_LEVELS),
  ],
);

/** 等次方案: ordered grade bands (highest first); built-in presets and schemes defined by a division. */
export const gradeSchemes = pgTable('grade_schemes', {
  code: varchar('code', { length: 40 }).primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  bands: jsonb('bands').$type<readonly GradeBand[]>().notNull(),
  builtIn: boolean('built_in').notNull().default(false),
  /** The division that defined the scheme; null for built-in presets. */
  mofDivCode: divisionRef(),
  version: lockVersion(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------------------------------------------------
// Configuration by division and year
// ---------------------------------------------------------------------------------------------------------

/** 分级参数配置: a value per division, year and key, inherited downward unless overridden (or locked). */
export const regionSettings = pgTable(
  'region_settings',
  {
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    key: varchar('key', { length: 100 }).notNull(),
    value: jsonb('value').$type<unknown>().notNull(),
    /** When true, divisions below may not override this value (下级不得调整). */
    locked: boolean('locked').notNull().default(false),
    note: text('note'),
    updatedBy: uuid('updated_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'region_settings_pkey', columns: [t.mofDivCode, t.fiscalYear, t.key] }),
    index('region_settings_key_year_idx').on(t.key, t.fiscalYear),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// Organizations, users, sessions
// ---------------------------------------------------------------------------------------------------------

/** 组织机构: finance bureaus and their 处室, budget departments and units, agencies, congress committees. */
export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    parentId: uuid('parent_id'),
    kind: text('kind', { enum: ORGANIZATION_KINDS }).notNull(),
    /** dept_code / agency_code of the budget integrated management system. */
    code: varchar('code', { length: 64 }),
    name: text('name').notNull(),
    shortName: text('short_name'),
    status: text('status', { enum: ['active', 'inactive'] })
      .notNull()
      .default('active'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('organizations_div_id_key').on(t.mofDivCode, t.id),
    unique('organizations_div_kind_code_key').on(t.mofDivCode, t.kind, t.code),
    index('organizations_div_parent_idx').on(t.mofDivCode, t.parentId),
    foreignKey({
      name: 'organizations_parent_fk',
      columns: [t.mofDivCode, t.parentId],
      foreignColumns: [t.mofDivCode, t.id],
    }),
    oneOf('organizations', t.kind, ORGANIZATION_KINDS),
    oneOf('organizations', t.status, ['active', 'inactive']),
  ],
);

/** 用户. */
export const users = pgTable(
  'users',
  {
    id: id(),
    username: varchar('username', { length: 64 }).notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    mofDivCode: mofDivCode(),
    organizationId: uuid('organization_id'),
    phone: text('phone'),
    email: text('email'),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: instant('locked_until'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: instant('password_changed_at'),
    lastLoginAt: instant('last_login_at'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_lower_key').on(sql`lower(${t.username})`),
    index('users_div_idx').on(t.mofDivCode),
    index('users_organization_idx').on(t.organizationId),
    foreignKey({
      name: 'users_organization_fk',
      columns: [t.mofDivCode, t.organizationId],
      foreignColumns: [organizations.mofDivCode, organizations.id],
    }),
    oneOf('users', t.status, ['active', 'disabled']),
  ],
);

/** 用户角色. */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'user_roles_pkey', columns: [t.userId, t.role] }),
    oneOf('user_roles', t.role, ROLES),
  ],
);

/** 登录会话: the id is the sha256 (hex) of the session token; the token itself is never stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** 登录限流: failed attempts per key (user name or IP) in a time window. */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull().default(0),
  windowStartedAt: instant('window_started_at').notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------------------------
// Underneath: jobs, audit, attachments
// ---------------------------------------------------------------------------------------------------------

/** 后台任务: long operations (imports, scoring runs, exports) with progress; claimed by a worker. */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: varchar('kind', { length: 64 }).notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    total: integer('total'),
    message: text('message'),
    params: jsonb('params').$type<unknown>(),
    result: jsonb('result').$type<unknown>(),
    error: jsonb('error').$type<unknown>(),
    createdBy: uuid('created_by'),
    mofDivCode: divisionRef(),
    lockedBy: text('locked_by'),
    heartbeatAt: instant('heartbeat_at'),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('jobs_status_created_idx').on(t.status, t.createdAt),
    index('jobs_div_created_idx').on(t.mofDivCode, t.createdAt),
    oneOf('jobs', t.status, JOB_STATUSES),
  ],
);

/** 审计日志: append-only, hash-chained (hash = sha256(prev_hash + event)); UPDATE and DELETE are refused
 * by a trigger (migration 0001_audit_events_append_only). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: instant('at').notNull().defaultNow(),
    userId: uuid('user_id'),
    username: text('username'),
    ip: text('ip'),
    action: varchar('action', { length: 100 }).notNull(),
    objectType: varchar('object_type', { length: 64 }),
    objectId: text('object_id'),
    /** No foreign key: the log outlives whatever it describes. */
    mofDivCode: varchar('mof_div_code', { length: 12 }),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [
    unique('audit_events_hash_key').on(t.hash),
    index('audit_events_div_at_idx').on(t.mofDivCode, t.at),
    index('audit_events_object_idx').on(t.objectType, t.objectId),
    index('audit_events_user_at_idx').on(t.userId, t.at),
  ],
);

/** 附件: uploaded files kept in the database (reports, evidence, imported tables). */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** Hex sha256 of the content. */
    sha256: varchar('sha256', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    /** What the file belongs to, for listing (e.g. 'evaluation', uuid). */
    objectType: varchar('object_type', { length: 64 }),
    objectId: uuid('object_id'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('attachments_div_idx').on(t.mofDivCode, t.createdAt),
    index('attachments_object_idx').on(t.objectType, t.objectId),
    index('attachments_sha256_idx').on(t.sha256),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// Indicators and templates (M1)
// ---------------------------------------------------------------------------------------------------------

/** 指标库: 共性 and 个性 indicators owned by a division (kpi_lv1/kpi_lv2/kpi_content). */
export const indicatorLibrary = pgTable(
  'indicator_library',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    code: varchar('code', { length: 64 }).notNull(),
    name: text('name').notNull(),
    /** 一级指标: 产出指标 / 效益指标 / 满意度指标 … */
    level1: text('level1').notNull(),
    /** 二级指标: 数量指标 / 质量指标 / … */
    level2: text('level2').notNull(),
    scope: text('scope', { enum: ['common', 'specific'] }).notNull(),
    direction: text('direction', { enum: INDICATOR_DIRECTIONS }).notNull(),
    unit: text('unit'),
    valueBasis: text('value_basis', { enum: VALUE_BASES }),
    /** A typical target value, as printed (e.g. '≥95%'). */
    referenceValue: text('reference_value'),
    functionClassCode: varchar('function_class_code', { length: 12 }),
    fundClass: text('fund_class', { enum: FUND_CLASSES }),
    /** 评(扣)分标准 (kpi_evalstd). */
    evaluationStandard: text('evaluation_standard'),
    description: text('description'),
    validFrom: day('valid_from'),
    validTo: day('valid_to'),
    status: text('status', { enum: ['draft', 'active', 'retired'] })
      .notNull()
      .default('active'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('indicator_library_div_code_key').on(t.mofDivCode, t.code),
    index('indicator_library_levels_idx').on(t.level1, t.level2),
    index('indicator_library_function_class_idx').on(t.functionClassCode),
    oneOf('indicator_library', t.scope, ['common', 'specific']),
    oneOf('indicator_library', t.direction, INDICATOR_DIRECTIONS),
    oneOf('indicator_library', t.valueBasis, VALUE_BASES),
    oneOf('indicator_library', t.fundClass, FUND_CLASSES),
    oneOf('indicator_library', t.status, ['draft', 'active', 'retired']),
  ],
);

/** 指标模板: published by a division and used by the divisions below it. */
export const templates = pgTable(
  'templates',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    code: varchar('code', { length: 64 }).notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    subjectKind: text('subject_kind', { enum: TEMPLATE_SUBJECT_KINDS }).notNull(),
    description: text('description'),
    status: text('status', { enum: ['active', 'retired'] })
      .notNull()
      .default('active'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('templates_div_code_key').on(t.mofDivCode, t.code),
    unique('templates_div_id_key').on(t.mofDivCode, t.id),
    oneOf('templates', t.subjectKind, TEMPLATE_SUBJECT_KINDS),
    oneOf('templates', t.status, ['active', 'retired']),
  ],
);

/** 模板年度版本: the indicator tree and rules for one fiscal year; at most one published per year. */
export const templateVersions = pgTable(
  'template_versions',
  {
    id: id(),
    templateId: uuid('template_id').notNull(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    versionNo: integer('version_no').notNull(),
    status: text('status', { enum: TEMPLATE_VERSION_STATUSES }).notNull().default('draft'),
    definition: jsonb('definition').$type<TemplateDefinition>().notNull(),
    /** The grade scheme this version grades with; null = the division's configured scheme. */
    gradeScheme: jsonb('grade_scheme').$type<GradeScheme>(),
    basedOnVersionId: uuid('based_on_version_id'),
    changeNote: text('change_note'),
    publishedAt: instant('published_at'),
    publishedBy: uuid('published_by'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('template_versions_template_year_no_key').on(t.templateId, t.fiscalYear, t.versionNo),
    uniqueIndex('template_versions_one_published_key')
      .on(t.templateId, t.fiscalYear)
      .where(sql`status = 'published'`),
    index('template_versions_div_year_idx').on(t.mofDivCode, t.fiscalYear),
    foreignKey({
      name: 'template_versions_template_fk',
      columns: [t.mofDivCode, t.templateId],
      foreignColumns: [templates.mofDivCode, templates.id],
    }),
    foreignKey({
      name: 'template_versions_based_on_fk',
      columns: [t.basedOnVersionId],
      foreignColumns: [t.id],
    }),
    oneOf('template_versions', t.status, TEMPLATE_VERSION_STATUSES),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// Money and projects (M3, M5)
// ---------------------------------------------------------------------------------------------------------

/** 资金: special funds, transfer payments, bonds, government investment funds. */
export const funds = pgTable(
  'funds',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    code: varchar('code', { length: 64 }).notNull(),
    name: text('name').notNull(),
    fundType: text('fund_type', { enum: FUND_TYPES }).notNull(),
    fundClass: text('fund_class', { enum: FUND_CLASSES }).notNull(),
    functionClassCode: varchar('function_class_code', { length: 12 }),
    /** The managing budget department. */
    departmentId: uuid('department_id'),
    amountFen: fen('amount_fen').notNull().default(0),
    /** For a transfer payment: the upper-level fund it comes from (another division, no foreign key). */
    sourceFundId: uuid('source_fund_id'),
    description: text('description'),
    status: text('status', { enum: ['active', 'closed'] })
      .notNull()
      .default('active'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('funds_div_year_code_key').on(t.mofDivCode, t.fiscalYear, t.code),
    unique('funds_div_id_key').on(t.mofDivCode, t.id),
    index('funds_department_idx').on(t.departmentId),
    foreignKey({
      name: 'funds_department_fk',
      columns: [t.mofDivCode, t.departmentId],
      foreignColumns: [organizations.mofDivCode, organizations.id],
    }),
    oneOf('funds', t.fundType, FUND_TYPES),
    oneOf('funds', t.fundClass, FUND_CLASSES),
    oneOf('funds', t.status, ['active', 'closed']),
  ],
);

/** 项目库: projects enter the library only after review (先评审后入库). */
export const projects = pgTable(
  'projects',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    /** 申报年度: the budget year the project was first declared for. */
    fiscalYear: fiscalYear(),
    proCode: varchar('pro_code', { length: 64 }).notNull(),
    name: text('name').notNull(),
    /** 主管部门 (budget department). */
    departmentId: uuid('department_id').notNull(),
    /** 实施单位 (budget unit). */
    agencyId: uuid('agency_id'),
    functionClassCode: varchar('function_class_code', { length: 12 }),
    fundClass: text('fund_class', { enum: FUND_CLASSES }),
    fundId: uuid('fund_id'),
    projectKind: text('project_kind', { enum: PROJECT_KINDS }).notNull(),
    isInvestment: boolean('is_investment').notNull().default(false),
    /** This year's requested amount. */
    amountFen: fen('amount_fen').notNull().default(0),
    /** For an increased project: the increase over last year (the T20 gate looks at new or increased money). */
    increaseFen: fen('increase_fen'),
    totalAmountFen: fen('total_amount_fen').notNull().default(0),
    startYear: integer('start_year'),
    endYear: integer('end_year'),
    libraryStatus: text('library_status', { enum: LIBRARY_STATUSES }).notNull().default('draft'),
    /** 是否事前绩效评估 (set by the gate rule; may also be required by finance). */
    needsExAnte: boolean('needs_ex_ante').notNull().default(false),
    /** 是否绩效目标公开, and the reason when not. */
    goalPublic: boolean('goal_public').notNull().default(true),
    goalNotPublicReason: text('goal_not_public_reason'),
    description: text('description'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('projects_div_pro_code_key').on(t.mofDivCode, t.proCode),
    unique('projects_div_id_key').on(t.mofDivCode, t.id),
    index('projects_div_year_status_idx').on(t.mofDivCode, t.fiscalYear, t.libraryStatus),
    index('projects_department_idx').on(t.departmentId),
    index('projects_fund_idx').on(t.fundId),
    foreignKey({
      name: 'projects_department_fk',
      columns: [t.mofDivCode, t.departmentId],
      foreignColumns: [organizations.mofDivCode, organizations.id],
    }),
    foreignKey({
      name: 'projects_agency_fk',
      columns: [t.mofDivCode, t.agencyId],
      foreignColumns: [organizations.mofDivCode, organizations.id],
    }),
    foreignKey({
      name: 'projects_fund_fk',
      columns: [t.mofDivCode, t.fundId],
      foreignColumns: [funds.mofDivCode, funds.id],
    }),
    oneOf('projects', t.fundClass, FUND_CLASSES),
    oneOf('projects', t.projectKind, PROJECT_KINDS),
    oneOf('projects', t.libraryStatus, LIBRARY_STATUSES),
    check('projects_years_check', sql`end_year is null or start_year is null or end_year >= start_year`),
  ],
);

/** 项目分年度预算: multi-year amounts of a project. */
export const projectYearAmounts = pgTable(
  'project_year_amounts',
  {
    projectId: uuid('project_id').notNull(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    amountFen: fen('amount_fen').notNull(),
    approvedFen: fen('approved_fen'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'project_year_amounts_pkey', columns: [t.projectId, t.fiscalYear] }),
    foreignKey({
      name: 'project_year_amounts_project_fk',
      columns: [t.mofDivCode, t.projectId],
      foreignColumns: [projects.mofDivCode, projects.id],
    }).onDelete('cascade'),
  ],
);

/** 支出标准: general and specific (通用/专用) unit-cost standards by sector, with validity. */
export const expenditureStandards = pgTable(
  'expenditure_standards',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    code: varchar('code', { length: 64 }).notNull(),
    kind: text('kind', { enum: ['general', 'specific'] }).notNull(),
    /** The sector, as a function classification code (e.g. '205'). */
    functionClassCode: varchar('function_class_code', { length: 12 }),
    economicClassCode: varchar('economic_class_code', { length: 12 }),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    unitCostFen: fen('unit_cost_fen').notNull(),
    validFrom: day('valid_from').notNull(),
    validTo: day('valid_to'),
    /** Where the standard comes from (document number, review result …). */
    source: text('source'),
    status: text('status', { enum: ['draft', 'active', 'retired'] })
      .notNull()
      .default('active'),
    description: text('description'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('expenditure_standards_div_code_from_key').on(t.mofDivCode, t.code, t.validFrom),
    index('expenditure_standards_sector_idx').on(t.functionClassCode),
    oneOf('expenditure_standards', t.kind, ['general', 'specific']),
    oneOf('expenditure_standards', t.status, ['draft', 'active', 'retired']),
    check('expenditure_standards_validity_check', sql`valid_to is null or valid_to >= valid_from`),
  ],
);

/** 预算明细: the lines of a project's budget, checked against expenditure standards. */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    projectId: uuid('project_id').notNull(),
    /** 支出经济分类. */
    economicClassCode: varchar('economic_class_code', { length: 12 }),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 18, scale: 4, mode: 'number' }),
    unit: text('unit'),
    unitCostFen: fen('unit_cost_fen'),
    amountFen: fen('amount_fen').notNull(),
    /** The standard applied (possibly the province's: no foreign key). */
    standardId: uuid('standard_id'),
    /** Result of the check against the standard. */
    standardStatus: text('standard_status', { enum: ['within', 'above', 'no_standard'] }),
    note: text('note'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('budget_lines_project_idx').on(t.projectId, t.fiscalYear),
    foreignKey({
      name: 'budget_lines_project_fk',
      columns: [t.mofDivCode, t.projectId],
      foreignColumns: [projects.mofDivCode, projects.id],
    }).onDelete('cascade'),
    oneOf('budget_lines', t.standardStatus, ['within', 'above', 'no_standard']),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// The closed loop: assessment, review, goals, monitoring, evaluation, consequences (M3, M4, M6–M8)
// ---------------------------------------------------------------------------------------------------------

/** One scored dimension of an ex-ante assessment (立项必要性 …). */
export interface DimensionScore {
  readonly code: string;
  readonly name: string;
  readonly weight: number;
  readonly score: number | null;
  readonly opinion?: string;
}

/** 事前绩效评估: five dimensions, a total and a conclusion. */
export const exAnteAssessments = pgTable(
  'ex_ante_assessments',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    projectId: uuid('project_id').notNull(),
    /** project (项目) or policy (政策) dimensions. */
    kind: text('kind', { enum: ['project', 'policy'] })
      .notNull()
      .default('project'),
    dimensionScores: jsonb('dimension_scores').$type<readonly DimensionScore[]>().notNull().default([]),
    totalScore: score('total_score'),
    conclusion: text('conclusion', { enum: ['support', 'support_after_revision', 'not_support'] }),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'concluded'] })
      .notNull()
      .default('draft'),
    opinion: text('opinion'),
    /** Third-party agency that did the assessment, if any (shared register: no foreign key). */
    agencyId: uuid('agency_id'),
    reportAttachmentId: uuid('report_attachment_id'),
    concludedBy: uuid('concluded_by'),
    concludedAt: instant('concluded_at'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('ex_ante_assessments_project_idx').on(t.projectId, t.fiscalYear),
    index('ex_ante_assessments_div_year_idx').on(t.mofDivCode, t.fiscalYear, t.status),
    foreignKey({
      name: 'ex_ante_assessments_project_fk',
      columns: [t.mofDivCode, t.projectId],
      foreignColumns: [projects.mofDivCode, projects.id],
    }),
    oneOf('ex_ante_assessments', t.kind, ['project', 'policy']),
    oneOf('ex_ante_assessments', t.conclusion, ['support', 'support_after_revision', 'not_support']),
    oneOf('ex_ante_assessments', t.status, ['draft', 'submitted', 'returned', 'concluded']),
  ],
);

/** 预算评审 / 联合评审: requested vs approved amount and the opinion. */
export const budgetReviews = pgTable(
  'budget_reviews',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    projectId: uuid('project_id').notNull(),
    kind: text('kind', { enum: ['budget_review', 'joint_review'] }).notNull(),
    requestedFen: fen('requested_fen').notNull(),
    approvedFen: fen('approved_fen'),
    opinion: text('opinion'),
    status: text('status', { enum: ['pending', 'approved', 'reduced', 'rejected'] })
      .notNull()
      .default('pending'),
    /** Minutes of the committee meeting (会议纪要) for a joint review. */
    meetingRef: text('meeting_ref'),
    decidedBy: uuid('decided_by'),
    decidedAt: instant('decided_at'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('budget_reviews_project_idx').on(t.projectId, t.fiscalYear),
    index('budget_reviews_div_year_idx').on(t.mofDivCode, t.fiscalYear, t.status),
    foreignKey({
      name: 'budget_reviews_project_fk',
      columns: [t.mofDivCode, t.projectId],
      foreignColumns: [projects.mofDivCode, projects.id],
    }),
    oneOf('budget_reviews', t.kind, ['budget_review', 'joint_review']),
    oneOf('budget_reviews', t.status, ['pending', 'approved', 'reduced', 'rejected']),
  ],
);

/** 绩效目标表: per project, fund or department and year; `revision_no` counts adjustments (目标调整). */
export const goalTables = pgTable(
  'goal_tables',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    subjectKind: text('subject_kind', { enum: ['project', 'fund', 'department'] }).notNull(),
    projectId: uuid('project_id'),
    fundId: uuid('fund_id'),
    departmentId: uuid('department_id'),
    revisionNo: integer('revision_no').notNull().default(1),
    status: text('status', { enum: GOAL_STATUSES }).notNull().default('draft'),
    /** 年度总体目标. */
    overallGoal: text('overall_goal'),
    /** 中期目标 for multi-year projects. */
    midTermGoal: text('mid_term_goal'),
    amountFen: fen('amount_fen'),
    submittedAt: instant('submitted_at'),
    approvedAt: instant('approved_at'),
    approvedBy: uuid('approved_by'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('goal_tables_div_id_key').on(t.mofDivCode, t.id),
    unique('goal_tables_project_year_rev_key').on(t.projectId, t.fiscalYear, t.revisionNo),
    unique('goal_tables_fund_year_rev_key').on(t.fundId, t.fiscalYear, t.revisionNo),
    index('goal_tables_div_year_status_idx').on(t.mofDivCode, t.fiscalYear, t.status),
    foreignKey({
      name: 'goal_tables_project_fk',
      columns: [t.mofDivCode, t.projectId],
      foreignColumns: [projects.mofDivCode, projects.id],
    }),
    foreignKey({
      name: 'goal_tables_fund_fk',
      columns: [t.mofDivCode, t.fundId],
      foreignColumns: [funds.mofDivCode, funds.id],
    }),
    foreignKey({
      name: 'goal_tables_department_fk',
      columns: [t.mofDivCode, t.departmentId],
      foreignColumns: [organizations.mofDivCode, organizations.id],
    }),
    oneOf('goal_tables', t.subjectKind, ['project', 'fund', 'department']),
    oneOf('goal_tables', t.status, GOAL_STATUSES),
    check(
      'goal_tables_subject_check',
      sql`(subject_kind = 'project' and project_id is not null) or (subject_kind = 'fund' and fund_id is not null) or (subject_kind = 'department' and department_id is not null)`,
    ),
  ],
);

/** 绩效指标: the rows of a goal table (kpi_lv1/kpi_lv2/kpi_lv3, kpi_val, kpi_evalstd). */
export const goalIndicators = pgTable(
  'goal_indicators',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    goalTableId: uuid('goal_table_id').notNull(),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    name: text('name').notNull(),
    comparison: text('comparison', { enum: COMPARISONS }).notNull(),
    targetValue: doublePrecision('target_value'),
    /** The target as printed, or the qualitative target (定性). */
    targetText: text('target_text'),
    unit: text('unit'),
    valueBasis: text('value_basis', { enum: VALUE_BASES }),
    weight: score('weight'),
    /** Taken from the indicator library (possibly the province's: no foreign key). */
    libraryIndicatorId: uuid('library_indicator_id'),
    /** 评(扣)分标准. */
    kpiEvalstd: text('kpi_evalstd'),
    /** 核心指标, linked to a provincial target or a statistic. */
    isCore: boolean('is_core').notNull().default(false),
    linkedTargetCode: text('linked_target_code'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('goal_indicators_goal_table_idx').on(t.goalTableId, t.sortOrder),
    foreignKey({
      name: 'goal_indicators_goal_table_fk',
      columns: [t.mofDivCode, t.goalTableId],
      foreignColumns: [goalTables.mofDivCode, goalTables.id],
    }).onDelete('cascade'),
    oneOf('goal_indicators', t.comparison, COMPARISONS),
    oneOf('goal_indicators', t.valueBasis, VALUE_BASES),
  ],
);

export interface GoalOpinion {
  /** The goal indicator the opinion is about; absent for the table as a whole. */
  readonly indicatorId?: string;
  readonly text: string;
}

/** 目标审核记录 (两上两下): one row per round with per-indicator opinions. */
export const goalReviews = pgTable(
  'goal_reviews',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    goalTableId: uuid('goal_table_id').notNull(),
    round: text('round', { enum: GOAL_REVIEW_ROUNDS }).notNull(),
    actorId: uuid('actor_id'),
    actorOrgId: uuid('actor_org_id'),
    opinions: jsonb('opinions').$type<readonly GoalOpinion[]>().notNull().default([]),
    overallOpinion: text('overall_opinion'),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [
    index('goal_reviews_goal_table_idx').on(t.goalTableId, t.at),
    foreignKey({
      name: 'goal_reviews_goal_table_fk',
      columns: [t.mofDivCode, t.goalTableId],
      foreignColumns: [goalTables.mofDivCode, goalTables.id],
    }).onDelete('cascade'),
    oneOf('goal_reviews', t.round, GOAL_REVIEW_ROUNDS),
  ],
);

/** 监控轮次: e.g. the concentrated August round on January–July (period_month = 7). */
export const monitoringRounds = pgTable(
  'monitoring_rounds',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['routine', 'concentrated', 'key'] }).notNull(),
    /** Data up to the end of this month (1–12). */
    periodMonth: integer('period_month').notNull(),
    startsOn: day('starts_on'),
    dueOn: day('due_on'),
    status: text('status', { enum: ['draft', 'open', 'closed'] })
      .notNull()
      .default('draft'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('monitoring_rounds_div_id_key').on(t.mofDivCode, t.id),
    unique('monitoring_rounds_div_year_name_key').on(t.mofDivCode, t.fiscalYear, t.name),
    oneOf('monitoring_rounds', t.kind, ['routine', 'concentrated', 'key']),
    oneOf('monitoring_rounds', t.status, ['draft', 'open', 'closed']),
    check('monitoring_rounds_month_check', sql`period_month between 1 and 12`),
  ],
);

export interface IndicatorProgress {
  readonly goalIndicatorId: string;
  readonly actualToDate: number | null;
  readonly actualText?: string;
  readonly forecast?: number | null;
  readonly light?: Light;
  readonly note?: string;
}

/** 监控记录: budget execution to date and goal-indicator progress of one project or fund in a round. */
export const monitoringRecords = pgTable(
  'monitoring_records',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    roundId: uuid('round_id').notNull(),
    projectId: uuid('project_id'),
    fundId: uuid('fund_id'),
    goalTableId: uuid('goal_table_id'),
    budgetFen: fen('budget_fen').notNull(),
    executedFen: fen('executed_fen').notNull(),
    /** 全年预计执行数. */
    forecastFen: fen('forecast_fen'),
    indicatorProgress: jsonb('indicator_progress')
      .$type<readonly IndicatorProgress[]>()
      .notNull()
      .default([]),
    executionLight: text('execution_light', { enum: LIGHTS }),
    goalLight: text('goal_light', { enum: LIGHTS }),
    /** 偏差原因及改进措施. */
    explanation: text('explanation'),
    status: text('status', { enum: ['draft', 'submitted', 'reviewed'] })
      .notNull()
      .default('draft'),
    submittedBy: uuid('submitted_by'),
    submittedAt: instant('submitted_at'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('monitoring_records_div_id_key').on(t.mofDivCode, t.id),
    unique('monitoring_records_round_project_key').on(t.roundId, t.projectId),
    unique('monitoring_records_round_fund_key').on(t.roundId, t.fundId),
    index('monitoring_records_div_year_idx').on(t.mofDivCode, t.fiscalYear),
    foreignKey({
      name: 'monitoring_records_round_fk',
      columns: [t.mofDivCode, t.roundId],
      foreignColumns: [monitoringRounds.mofDivCode, monitoringRounds.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'monitoring_records_project_fk',
      columns: [t.mofDivCode, t.projectId],
      foreignColumns: [projects.mofDivCode, projects.id],
    }),
    foreignKey({
      name: 'monitoring_records_fund_fk',
      columns: [t.mofDivCode, t.fundId],
      foreignColumns: [funds.mofDivCode, funds.id],
    }),
    oneOf('monitoring_records', t.executionLight, LIGHTS),
    oneOf('monitoring_records', t.goalLight, LIGHTS),
    oneOf('monitoring_records', t.status, ['draft', 'submitted', 'reviewed']),
  ],
);

/** 预警: a warning light raised by a rule on a monitoring record. */
export const monitoringWarnings = pgTable(
  'monitoring_warnings',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    recordId: uuid('record_id'),
    projectId: uuid('project_id'),
    fundId: uuid('fund_id'),
    /** The rule's key in the warning-rule configuration (e.g. 'execution_progress'). */
    rule: varchar('rule', { length: 64 }).notNull(),
    light: text('light', { enum: LIGHTS }).notNull(),
    message: text('message').notNull(),
    details: jsonb('details').$type<unknown>(),
    status: text('status', { enum: ['open', 'acknowledged', 'resolved'] })
      .notNull()
      .default('open'),
    resolvedAt: instant('resolved_at'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('monitoring_warnings_div_id_key').on(t.mofDivCode, t.id),
    index('monitoring_warnings_div_year_idx').on(t.mofDivCode, t.fiscalYear, t.status, t.light),
    index('monitoring_warnings_record_idx').on(t.recordId),
    foreignKey({
      name: 'monitoring_warnings_record_fk',
      columns: [t.mofDivCode, t.recordId],
      foreignColumns: [monitoringRecords.mofDivCode, monitoringRecords.id],
    }).onDelete('cascade'),
    oneOf('monitoring_warnings', t.light, LIGHTS),
    oneOf('monitoring_warnings', t.status, ['open', 'acknowledged', 'resolved']),
  ],
);

/** 纠偏措施: 纠偏, adjustment, 暂缓拨款, 停止拨款, 收回 — tracked to closure. */
export const correctiveMeasures = pgTable(
  'corrective_measures',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    warningId: uuid('warning_id'),
    projectId: uuid('project_id'),
    fundId: uuid('fund_id'),
    kind: text('kind', { enum: MEASURE_KINDS }).notNull(),
    description: text('description').notNull(),
    /** Amount suspended, stopped or recovered. */
    amountFen: fen('amount_fen'),
    status: text('status', { enum: ['open', 'in_progress', 'closed', 'cancelled'] })
      .notNull()
      .default('open'),
    dueDate: day('due_date'),
    result: text('result'),
    closedAt: instant('closed_at'),
    closedBy: uuid('closed_by'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('corrective_measures_div_year_idx').on(t.mofDivCode, t.fiscalYear, t.status),
    index('corrective_measures_project_idx').on(t.projectId),
    foreignKey({
      name: 'corrective_measures_warning_fk',
      columns: [t.mofDivCode, t.warningId],
      foreignColumns: [monitoringWarnings.mofDivCode, monitoringWarnings.id],
    }),
    oneOf('corrective_measures', t.kind, MEASURE_KINDS),
    oneOf('corrective_measures', t.status, ['open', 'in_progress', 'closed', 'cancelled']),
  ],
);

/** 绩效评价: self, department or finance-led evaluation of a project, fund, policy or department. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    kind: text('kind', { enum: EVALUATION_KINDS }).notNull(),
    subjectKind: text('subject_kind', { enum: ['project', 'fund', 'policy', 'department'] }).notNull(),
    projectId: uuid('project_id'),
    fundId: uuid('fund_id'),
    departmentId: uuid('department_id'),
    title: text('title').notNull(),
    fundClass: text('fund_class', { enum: FUND_CLASSES }),
    /** Method: input_output, comparison, cost_effectiveness, sampling, survey, reverse … */
    method: varchar('method', { length: 64 }),
    /** Third-party agency (shared register: no foreign key). */
    agencyId: uuid('agency_id'),
    templateVersionId: uuid('template_version_id').references(() => templateVersions.id),
    status: text('status', { enum: ['planned', 'in_progress', 'submitted', 'completed', 'cancelled'] })
      .notNull()
      .default('planned'),
    score: score('score'),
    /** Grade band code ('excellent' …) of the grade scheme in force. */
    grade: varchar('grade', { length: 32 }),
    summary: text('summary'),
    reportAttachmentId: uuid('report_attachment_id'),
    startedAt: instant('started_at'),
    completedAt: instant('completed_at'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('evaluations_div_id_key').on(t.mofDivCode, t.id),
    index('evaluations_div_year_kind_idx').on(t.mofDivCode, t.fiscalYear, t.kind, t.status),
    index('evaluations_project_idx').on(t.projectId),
    index('evaluations_fund_idx').on(t.fundId),
    foreignKey({
      name: 'evaluations_project_fk',
      columns: [t.mofDivCode, t.projectId],
      foreignColumns: [projects.mofDivCode, projects.id],
    }),
    foreignKey({
      name: 'evaluations_fund_fk',
      columns: [t.mofDivCode, t.fundId],
      foreignColumns: [funds.mofDivCode, funds.id],
    }),
    oneOf('evaluations', t.kind, EVALUATION_KINDS),
    oneOf('evaluations', t.subjectKind, ['project', 'fund', 'policy', 'department']),
    oneOf('evaluations', t.fundClass, FUND_CLASSES),
    oneOf('evaluations', t.status, ['planned', 'in_progress', 'submitted', 'completed', 'cancelled']),
  ],
);

/** 评价专家: the experts on an evaluation (shared expert register: no foreign key to experts). */
export const evaluationExperts = pgTable(
  'evaluation_experts',
  {
    evaluationId: uuid('evaluation_id').notNull(),
    mofDivCode: mofDivCode(),
    expertId: uuid('expert_id').notNull(),
    role: text('role', { enum: ['leader', 'member'] })
      .notNull()
      .default('member'),
    assignedAt: instant('assigned_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'evaluation_experts_pkey', columns: [t.evaluationId, t.expertId] }),
    index('evaluation_experts_expert_idx').on(t.expertId),
    foreignKey({
      name: 'evaluation_experts_evaluation_fk',
      columns: [t.mofDivCode, t.evaluationId],
      foreignColumns: [evaluations.mofDivCode, evaluations.id],
    }).onDelete('cascade'),
    oneOf('evaluation_experts', t.role, ['leader', 'member']),
  ],
);

/** 单位自评: the self-evaluation table (项目支出绩效自评表) as submitted, with the checker's verdict. */
export const selfEvaluations = pgTable(
  'self_evaluations',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    projectId: uuid('project_id'),
    /** Project code and name as printed (the table may arrive before the project is in the library). */
    proCode: varchar('pro_code', { length: 64 }),
    projectName: text('project_name').notNull(),
    evaluationId: uuid('evaluation_id'),
    /** The table in the self-evaluation checker's input format (src/core/selfeval). */
    table: jsonb('table').$type<unknown>().notNull(),
    formulaTotal: score('formula_total'),
    printedTotal: score('printed_total'),
    grade: varchar('grade', { length: 32 }),
    findings: jsonb('findings').$type<unknown>().notNull().default([]),
    status: text('status', { enum: ['draft', 'submitted', 'accepted', 'returned'] })
      .notNull()
      .default('draft'),
    sourceAttachmentId: uuid('source_attachment_id'),
    submittedBy: uuid('submitted_by'),
    submittedAt: instant('submitted_at'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('self_evaluations_project_year_key').on(t.projectId, t.fiscalYear),
    index('self_evaluations_div_year_idx').on(t.mofDivCode, t.fiscalYear, t.status),
    // The list's default order (by project name, then by total) walked in index order, so a province-wide
    // page reads its 20 rows instead of sorting tens of thousands; the division rides along for the filter.
    // Ascending with nulls first, as the list sorts (descending with nulls last is the same index backwards).
    index('self_evaluations_year_name_idx').on(
      t.fiscalYear,
      t.projectName.asc().nullsFirst(),
      t.id,
      t.mofDivCode,
    ),
    index('self_evaluations_year_total_idx').on(
      t.fiscalYear,
      t.formulaTotal.asc().nullsFirst(),
      t.id,
      t.mofDivCode,
    ),
    foreignKey({
      name: 'self_evaluations_project_fk',
      columns: [t.mofDivCode, t.projectId],
      foreignColumns: [projects.mofDivCode, projects.id],
    }),
    foreignKey({
      name: 'self_evaluations_evaluation_fk',
      columns: [t.mofDivCode, t.evaluationId],
      foreignColumns: [evaluations.mofDivCode, evaluations.id],
    }),
    oneOf('self_evaluations', t.status, ['draft', 'submitted', 'accepted', 'returned']),
  ],
);

/** 结果应用: grade → next-year budget action (cut, cancel, priority), proposed then confirmed. */
export const consequences = pgTable(
  'consequences',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    /** The year of the result. */
    fiscalYear: fiscalYear(),
    /** The budget year the action applies to (usually fiscal_year + 1). */
    targetFiscalYear: integer('target_fiscal_year').notNull(),
    source: text('source', { enum: ['evaluation', 'self_evaluation', 'scorecard', 'monitoring'] }).notNull(),
    sourceId: uuid('source_id').notNull(),
    /** For a scorecard: the scoring subject (the source is the run). */
    subjectId: uuid('subject_id'),
    /** The subject's organization (a department), for organization-bound readers. */
    organizationId: uuid('organization_id'),
    /** The division that decides (the run's division): it confirms or rejects. */
    issuerMofDivCode: varchar('issuer_mof_div_code', { length: 12 }).references(() => divisions.code),
    projectId: uuid('project_id'),
    fundId: uuid('fund_id'),
    departmentId: uuid('department_id'),
    /** Snapshot of the configured rule that produced the proposal (grade → action, ratio). */
    rule: jsonb('rule').$type<unknown>().notNull(),
    /** The rules that matched, their inputs and the explanation in words (core/consequences). */
    explanation: jsonb('explanation').$type<unknown>(),
    action: text('action', { enum: CONSEQUENCE_ACTIONS }).notNull(),
    grade: varchar('grade', { length: 32 }),
    rank: integer('rank'),
    baseAmountFen: fen('base_amount_fen').notNull(),
    /** Proposed change of next year's budget (negative = cut). */
    proposedFen: fen('proposed_fen').notNull(),
    confirmedFen: fen('confirmed_fen'),
    status: text('status', { enum: CONSEQUENCE_STATUSES }).notNull().default('proposed'),
    accountabilityReferral: boolean('accountability_referral').notNull().default(false),
    note: text('note'),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: instant('confirmed_at'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('consequences_source_subject_key')
      .on(t.source, t.sourceId, t.subjectId, t.targetFiscalYear)
      .nullsNotDistinct(),
    index('consequences_div_year_idx').on(t.mofDivCode, t.targetFiscalYear, t.status),
    index('consequences_source_idx').on(t.sourceId, t.status),
    index('consequences_project_idx').on(t.projectId),
    oneOf('consequences', t.source, ['evaluation', 'self_evaluation', 'scorecard', 'monitoring']),
    oneOf('consequences', t.action, CONSEQUENCE_ACTIONS),
    oneOf('consequences', t.status, CONSEQUENCE_STATUSES),
  ],
);

/** 信息公开: goals and results published with budgets and final accounts (public portal). */
export const publications = pgTable(
  'publications',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    kind: text('kind', {
      enum: ['goal', 'evaluation', 'self_evaluation', 'report', 'notice', 'other'],
    }).notNull(),
    objectType: varchar('object_type', { length: 64 }),
    objectId: uuid('object_id'),
    title: text('title').notNull(),
    /** What the public sees, frozen at publication. */
    content: jsonb('content').$type<unknown>().notNull(),
    attachmentId: uuid('attachment_id'),
    status: text('status', { enum: ['draft', 'published', 'withdrawn'] })
      .notNull()
      .default('draft'),
    publishedAt: instant('published_at'),
    publishedBy: uuid('published_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('publications_div_year_idx').on(t.mofDivCode, t.fiscalYear, t.status),
    index('publications_object_idx').on(t.objectType, t.objectId),
    oneOf('publications', t.kind, ['goal', 'evaluation', 'self_evaluation', 'report', 'notice', 'other']),
    oneOf('publications', t.status, ['draft', 'published', 'withdrawn']),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// Scorecards (M2)
// ---------------------------------------------------------------------------------------------------------

/** 评价对象: a division, department, finance division, fund, asset class, revenue item or project.
 * `mof_div_code` is the subject's own division (a county subject carries the county's code), so each
 * division sees its own scores. */
export const subjects = pgTable(
  'subjects',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    kind: text('kind', { enum: SUBJECT_KINDS }).notNull(),
    /** Division code, dept_code, fund code … */
    refCode: varchar('ref_code', { length: 64 }).notNull(),
    name: text('name').notNull(),
    organizationId: uuid('organization_id'),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('subjects_div_kind_ref_key').on(t.mofDivCode, t.kind, t.refCode),
    unique('subjects_div_id_key').on(t.mofDivCode, t.id),
    index('subjects_kind_idx').on(t.kind),
    oneOf('subjects', t.kind, SUBJECT_KINDS),
  ],
);

/** 评分数据: one leaf input of one subject for a template version; value NULL = not applicable. */
export const inputValues = pgTable(
  'input_values',
  {
    id: id(),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => templateVersions.id),
    subjectId: uuid('subject_id').notNull(),
    fiscalYear: fiscalYear(),
    mofDivCode: mofDivCode(),
    /** `${leafCode}.${inputName}`, e.g. 'A1.actual'. */
    inputKey: varchar('input_key', { length: 128 }).notNull(),
    value: doublePrecision('value'),
    source: text('source', { enum: INPUT_SOURCES }).notNull(),
    evidenceNote: text('evidence_note'),
    attachmentId: uuid('attachment_id'),
    enteredBy: uuid('entered_by'),
    enteredAt: instant('entered_at').notNull().defaultNow(),
    version: lockVersion(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('input_values_version_subject_key_key').on(t.templateVersionId, t.subjectId, t.inputKey),
    index('input_values_div_year_idx').on(t.mofDivCode, t.fiscalYear),
    index('input_values_subject_idx').on(t.subjectId),
    foreignKey({
      name: 'input_values_subject_fk',
      columns: [t.mofDivCode, t.subjectId],
      foreignColumns: [subjects.mofDivCode, subjects.id],
    }),
    oneOf('input_values', t.source, INPUT_SOURCES),
  ],
);

/** 评分批次: one scoring of many subjects with one template version (or a what-if scenario). */
export const scoringRuns = pgTable(
  'scoring_runs',
  {
    id: id(),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => templateVersions.id),
    fiscalYear: fiscalYear(),
    /** The scoring division; results carry each subject's own division. */
    mofDivCode: mofDivCode(),
    name: text('name'),
    gradeScheme: jsonb('grade_scheme').$type<GradeScheme>().notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    isWhatIf: boolean('is_what_if').notNull().default(false),
    /** The changes a what-if run applies (weights, thresholds, cut rates). */
    whatIf: jsonb('what_if').$type<unknown>(),
    subjectCount: integer('subject_count').notNull().default(0),
    jobId: uuid('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    error: jsonb('error').$type<unknown>(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: instant('finished_at'),
    /** Written with the results: counts, incomplete subjects, per-node averages, timings. */
    summary: jsonb('summary').$type<unknown>(),
  },
  (t) => [
    index('scoring_runs_div_year_idx').on(t.mofDivCode, t.fiscalYear, t.createdAt),
    index('scoring_runs_template_version_idx').on(t.templateVersionId),
    oneOf('scoring_runs', t.status, JOB_STATUSES),
  ],
);

/** 评分结果: total, grade, rank and per-node points of one subject in one run. No foreign key to the run:
 * a county's result belongs to the county, the run to the province; the service deletes them together. */
export const scoringResults = pgTable(
  'scoring_results',
  {
    runId: uuid('run_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    mofDivCode: mofDivCode(),
    total: doublePrecision('total').notNull(),
    grade: varchar('grade', { length: 32 }).notNull(),
    rank: integer('rank'),
    /** Points by node code. */
    nodePoints: jsonb('node_points').$type<Record<string, number>>().notNull(),
    /** The input values the run scored (key → value; null = not applicable), so that the explanation of a
     * stored result never changes when inputs are edited later. */
    inputs: jsonb('inputs').$type<Record<string, number | null>>(),
    /** Required inputs without a value: the subject is incomplete (grade 'incomplete', no rank). */
    missing: jsonb('missing').$type<string[]>(),
  },
  (t) => [
    primaryKey({ name: 'scoring_results_pkey', columns: [t.runId, t.subjectId] }),
    index('scoring_results_div_idx').on(t.mofDivCode, t.runId),
    index('scoring_results_subject_idx').on(t.subjectId),
    foreignKey({
      name: 'scoring_results_subject_fk',
      columns: [t.mofDivCode, t.subjectId],
      foreignColumns: [subjects.mofDivCode, subjects.id],
    }),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// Follow-up: clues, notices, rectification (M9)
// ---------------------------------------------------------------------------------------------------------

/** 问题线索: one pool from evaluation, supervision, audit, inspection, scorecards and monitoring.
 * `mof_div_code` is the division the problem belongs to; `reported_mof_div_code` who found it. */
export const problemClues = pgTable(
  'problem_clues',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: integer('fiscal_year'),
    reportedMofDivCode: varchar('reported_mof_div_code', { length: 12 }).references(() => divisions.code),
    source: text('source', { enum: CLUE_SOURCES }).notNull(),
    /** The record the clue came from ('evaluation', 'scoring_result', 'audit_report' …) and its id. */
    sourceType: varchar('source_type', { length: 64 }),
    sourceId: text('source_id'),
    subjectOrgId: uuid('subject_org_id'),
    title: text('title'),
    description: text('description').notNull(),
    /** 来源文件: the audit report, supervision notice or inspection feedback (文号 and name). */
    sourceDocument: text('source_document'),
    attachmentId: uuid('attachment_id'),
    severity: text('severity', { enum: ['low', 'medium', 'high'] })
      .notNull()
      .default('medium'),
    amountFen: fen('amount_fen'),
    status: text('status', { enum: ['open', 'in_rectification', 'closed', 'dismissed'] })
      .notNull()
      .default('open'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('problem_clues_div_status_idx').on(t.mofDivCode, t.status),
    index('problem_clues_source_idx').on(t.sourceType, t.sourceId),
    oneOf('problem_clues', t.source, CLUE_SOURCES),
    oneOf('problem_clues', t.severity, ['low', 'medium', 'high']),
    oneOf('problem_clues', t.status, ['open', 'in_rectification', 'closed', 'dismissed']),
  ],
);

/** 通报: a notice issued by a finance department, e.g. on a scoring run's results. */
export const notices = pgTable(
  'notices',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: integer('fiscal_year'),
    title: text('title').notNull(),
    /** 文号. */
    docNo: text('doc_no'),
    body: text('body').notNull(),
    sourceRunId: uuid('source_run_id'),
    status: text('status', { enum: NOTICE_STATUSES }).notNull().default('draft'),
    /** The issuing finance bureau (organization of the issuing division). */
    issuerOrgId: uuid('issuer_org_id'),
    /** The items' default deadline. */
    deadline: day('deadline'),
    issuedBy: uuid('issued_by'),
    issuedAt: instant('issued_at'),
    /** When every item was accepted (销号). */
    closedAt: instant('closed_at'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('notices_div_status_idx').on(t.mofDivCode, t.status, t.issuedAt),
    index('notices_source_run_idx').on(t.sourceRunId),
    oneOf('notices', t.status, NOTICE_STATUSES),
  ],
);

/** 整改台账: one item with owner, deadline, evidence, review and escalation. `mof_div_code` is the
 * owner's division (the notice may come from above: no foreign key to notices or clues). */
export const rectificationItems = pgTable(
  'rectification_items',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: integer('fiscal_year'),
    noticeId: uuid('notice_id'),
    clueId: uuid('clue_id'),
    /** Position in its notice (1, 2, 3 …). */
    itemNo: integer('item_no').notNull().default(1),
    ownerOrgId: uuid('owner_org_id').notNull(),
    /** The issuing division: it reviews the item. */
    issuerMofDivCode: varchar('issuer_mof_div_code', { length: 12 })
      .notNull()
      .references(() => divisions.code),
    issuerOrgId: uuid('issuer_org_id'),
    /** The scoring subject the item is about, when it came from a scorecard. */
    subjectId: uuid('subject_id'),
    /** Where it came from (generic link): source type, the record's id, and what to follow it by. */
    sourceType: text('source_type', { enum: CLUE_SOURCES }).notNull(),
    sourceId: text('source_id'),
    sourceRef: jsonb('source_ref').$type<unknown>().notNull().default({}),
    title: text('title').notNull(),
    requirement: text('requirement').notNull(),
    deadline: day('deadline').notNull(),
    status: text('status', { enum: RECTIFICATION_STATUSES }).notNull().default('open'),
    evidence: text('evidence'),
    evidenceAttachmentId: uuid('evidence_attachment_id'),
    submittedAt: instant('submitted_at'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: instant('reviewed_at'),
    reviewNote: text('review_note'),
    escalatedAt: instant('escalated_at'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    closedAt: instant('closed_at'),
    createdBy: uuid('created_by'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('rectification_items_div_id_key').on(t.mofDivCode, t.id),
    index('rectification_items_div_status_deadline_idx').on(t.mofDivCode, t.status, t.deadline),
    index('rectification_items_issuer_idx').on(t.issuerMofDivCode, t.status, t.deadline),
    index('rectification_items_owner_idx').on(t.ownerOrgId, t.status),
    index('rectification_items_notice_idx').on(t.noticeId),
    index('rectification_items_clue_idx').on(t.clueId),
    index('rectification_items_source_idx').on(t.sourceType, t.sourceId),
    foreignKey({
      name: 'rectification_items_owner_fk',
      columns: [t.mofDivCode, t.ownerOrgId],
      foreignColumns: [organizations.mofDivCode, organizations.id],
    }),
    oneOf('rectification_items', t.status, RECTIFICATION_STATUSES),
    oneOf('rectification_items', t.sourceType, CLUE_SOURCES),
  ],
);

/** 整改过程: every step of an item (issued, submitted with evidence, accepted or returned with an
 * opinion, closed, escalated) with who did it and when. Lives in the item's division. */
export const rectificationSteps = pgTable(
  'rectification_steps',
  {
    id: id(),
    /** Insertion order (steps of one instant keep the order they happened in). */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    itemId: uuid('item_id').notNull(),
    mofDivCode: mofDivCode(),
    event: text('event', { enum: RECTIFICATION_STEP_EVENTS }).notNull(),
    fromStatus: text('from_status', { enum: RECTIFICATION_STATUSES }),
    toStatus: text('to_status', { enum: RECTIFICATION_STATUSES }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    opinion: text('opinion'),
    evidence: text('evidence'),
    /** Evidence files of the step: [{ id, fileName }]. */
    attachments: jsonb('attachments').$type<unknown>().notNull().default([]),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [
    index('rectification_steps_item_idx').on(t.itemId, t.seq),
    foreignKey({
      name: 'rectification_steps_item_fk',
      columns: [t.mofDivCode, t.itemId],
      foreignColumns: [rectificationItems.mofDivCode, rectificationItems.id],
    }).onDelete('cascade'),
    oneOf('rectification_steps', t.event, RECTIFICATION_STEP_EVENTS),
    oneOf('rectification_steps', t.toStatus, RECTIFICATION_STATUSES),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// People outside: experts and agencies (M12)
// ---------------------------------------------------------------------------------------------------------

/** 专家库: shared register; `mof_div_code` is the registering division. */
export const experts = pgTable(
  'experts',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    name: text('name').notNull(),
    /** 专业领域 (e.g. function class codes or free words). */
    fields: jsonb('fields').$type<readonly string[]>().notNull().default([]),
    employer: text('employer'),
    /** 职称. */
    title: text('title'),
    phone: text('phone'),
    email: text('email'),
    /** Organizations the expert must not evaluate (回避). */
    conflictOrgIds: jsonb('conflict_org_ids').$type<readonly string[]>().notNull().default([]),
    userId: uuid('user_id'),
    status: text('status', { enum: ['active', 'suspended', 'retired'] })
      .notNull()
      .default('active'),
    note: text('note'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('experts_div_status_idx').on(t.mofDivCode, t.status),
    oneOf('experts', t.status, ['active', 'suspended', 'retired']),
  ],
);

/** 第三方机构名录: shared register of evaluation agencies. */
export const agencies = pgTable(
  'agencies',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    organizationId: uuid('organization_id'),
    name: text('name').notNull(),
    /** 统一社会信用代码. */
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    qualification: text('qualification'),
    feeStandard: text('fee_standard'),
    contact: text('contact'),
    status: text('status', { enum: ['active', 'suspended', 'blacklisted'] })
      .notNull()
      .default('active'),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('agencies_credit_code_key').on(t.creditCode),
    index('agencies_div_status_idx').on(t.mofDivCode, t.status),
    foreignKey({
      name: 'agencies_organization_fk',
      columns: [t.mofDivCode, t.organizationId],
      foreignColumns: [organizations.mofDivCode, organizations.id],
    }),
    oneOf('agencies', t.status, ['active', 'suspended', 'blacklisted']),
  ],
);

/** 机构执业质量评分: an agency's work scored by the division that commissioned it. */
export const agencyQualityScores = pgTable(
  'agency_quality_scores',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    agencyId: uuid('agency_id').notNull(),
    evaluationId: uuid('evaluation_id'),
    score: score('score').notNull(),
    grade: varchar('grade', { length: 32 }),
    details: jsonb('details').$type<unknown>(),
    note: text('note'),
    scoredBy: uuid('scored_by'),
    scoredAt: instant('scored_at').notNull().defaultNow(),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('agency_quality_scores_agency_idx').on(t.agencyId, t.fiscalYear),
    index('agency_quality_scores_div_year_idx').on(t.mofDivCode, t.fiscalYear),
  ],
);

/** 委托与抽取: an agency or expert assigned to a task, with the conflict-of-interest check. */
export const assignments = pgTable(
  'assignments',
  {
    id: id(),
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    taskType: text('task_type', {
      enum: ['ex_ante_assessment', 'budget_review', 'goal_review', 'evaluation', 'other'],
    }).notNull(),
    taskId: uuid('task_id').notNull(),
    assigneeKind: text('assignee_kind', { enum: ['agency', 'expert'] }).notNull(),
    agencyId: uuid('agency_id'),
    expertId: uuid('expert_id'),
    role: varchar('role', { length: 32 }),
    status: text('status', { enum: ['proposed', 'accepted', 'declined', 'completed', 'withdrawn'] })
      .notNull()
      .default('proposed'),
    conflictCheck: jsonb('conflict_check').$type<unknown>(),
    feeFen: fen('fee_fen'),
    assignedBy: uuid('assigned_by'),
    assignedAt: instant('assigned_at').notNull().defaultNow(),
    version: lockVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('assignments_task_idx').on(t.taskType, t.taskId),
    index('assignments_agency_idx').on(t.agencyId),
    index('assignments_expert_idx').on(t.expertId),
    index('assignments_div_year_idx').on(t.mofDivCode, t.fiscalYear, t.status),
    oneOf('assignments', t.taskType, [
      'ex_ante_assessment',
      'budget_review',
      'goal_review',
      'evaluation',
      'other',
    ]),
    oneOf('assignments', t.assigneeKind, ['agency', 'expert']),
    oneOf('assignments', t.status, ['proposed', 'accepted', 'declined', 'completed', 'withdrawn']),
    check(
      'assignments_assignee_check',
      sql`(assignee_kind = 'agency' and agency_id is not null) or (assignee_kind = 'expert' and expert_id is not null)`,
    ),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// Pre-aggregated figures
// ---------------------------------------------------------------------------------------------------------

/** 首页统计: a division's own figures for a year (projects, amounts by fund class, self-evaluations and
 * their grades), maintained on write — refreshed for the divisions an import, seed or edit touched — so that
 * a dashboard adds up a subtree's rows instead of scanning business tables on every request. */
export const divisionStats = pgTable(
  'division_stats',
  {
    mofDivCode: mofDivCode(),
    fiscalYear: fiscalYear(),
    stats: jsonb('stats').$type<unknown>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ name: 'division_stats_pkey', columns: [t.mofDivCode, t.fiscalYear] })],
);
