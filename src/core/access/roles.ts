/**
 * Roles and permissions (M10 and issue 3 §2). A user holds one or more roles inside one organization of
 * one division; what a role may do is this table, and where it may do it is the user's scope
 * (core/access/scope.ts). The public has no account: it reads published data through public routes.
 */

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

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'System administrator' },
  province_finance: { zh: '省财政厅', en: 'Provincial finance department' },
  review_committee: { zh: '预算（资金）管理委员会', en: 'Budget (fund) management committee' },
  finance_bureau: { zh: '市县财政局', en: 'City/county finance bureau' },
  finance_division: { zh: '财政内设处室', en: 'Finance internal division' },
  budget_department: { zh: '预算部门', en: 'Budget department' },
  budget_unit: { zh: '预算单位', en: 'Budget unit' },
  agency: { zh: '第三方机构', en: 'Third-party agency' },
  expert: { zh: '评审专家', en: 'Expert' },
  congress: { zh: '人大预算工委', en: "People's congress budget committee" },
};

export const PERMISSIONS = [
  'dashboard.read',
  'divisions.read',
  'organizations.read',
  'organizations.write',
  'users.read',
  'users.write',
  'settings.read',
  'settings.write',
  'indicators.read',
  'indicators.write',
  'templates.read',
  'templates.write',
  'templates.publish',
  'scoring.read',
  'scoring.input',
  'scoring.run',
  'selfeval.read',
  'selfeval.check',
  'audit.read',
  'comments.write',
  'jobs.read',
  'ledger.read',
  'ledger.issue',
  'ledger.submit',
  'ledger.review',
  'consequences.read',
  'consequences.confirm',
  'scenarios.run',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: readonly Permission[] = [
  'dashboard.read',
  'divisions.read',
  'organizations.read',
  'indicators.read',
  'templates.read',
  'scoring.read',
  'selfeval.read',
  'jobs.read',
  'ledger.read',
  'consequences.read',
];

/** What each role may do (within its scope). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  province_finance: [
    ...READ_ALL,
    'users.read',
    'settings.read',
    'settings.write',
    'indicators.write',
    'templates.write',
    'templates.publish',
    'scoring.input',
    'scoring.run',
    'selfeval.check',
    'audit.read',
    'ledger.issue',
    'ledger.review',
    'consequences.confirm',
    'scenarios.run',
  ],
  review_committee: [...READ_ALL, 'settings.read', 'comments.write'],
  finance_bureau: [
    ...READ_ALL,
    'users.read',
    'settings.read',
    'settings.write',
    'indicators.write',
    'templates.write',
    'templates.publish',
    'scoring.input',
    'scoring.run',
    'selfeval.check',
    'audit.read',
    'ledger.issue',
    'ledger.review',
    'ledger.submit',
    'consequences.confirm',
    'scenarios.run',
  ],
  finance_division: [
    ...READ_ALL,
    'settings.read',
    'scoring.input',
    'scoring.run',
    'selfeval.check',
    'ledger.submit',
  ],
  budget_department: [
    'dashboard.read',
    'divisions.read',
    'indicators.read',
    'templates.read',
    'scoring.read',
    'scoring.input',
    'selfeval.read',
    'selfeval.check',
    'jobs.read',
    'ledger.read',
    'ledger.submit',
    'consequences.read',
  ],
  budget_unit: [
    'dashboard.read',
    'divisions.read',
    'indicators.read',
    'templates.read',
    'selfeval.read',
    'selfeval.check',
    'jobs.read',
  ],
  agency: [
    'dashboard.read',
    'divisions.read',
    'indicators.read',
    'templates.read',
    'scoring.read',
    'scoring.input',
    'selfeval.read',
    'selfeval.check',
    'jobs.read',
  ],
  expert: [
    'dashboard.read',
    'divisions.read',
    'indicators.read',
    'templates.read',
    'selfeval.read',
    'jobs.read',
  ],
  congress: [...READ_ALL, 'comments.write'],
};

/** Roles whose users see only their own organization's records (and its units), not the whole division. */
export const ORGANIZATION_BOUND_ROLES: readonly Role[] = [
  'budget_department',
  'budget_unit',
  'agency',
  'expert',
];

export function permissionsOf(roles: readonly Role[]): ReadonlySet<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}
