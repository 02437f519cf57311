import { domainError, type DomainError } from '../kernel/index.ts';
import type { TemplateVersionStatus } from './types.ts';

/**
 * What may be done to a version in each status. Only drafts change; a published version is never changed
 * in place (results were scored with it), so the way forward is a new version copied from it.
 */
export type VersionAction = 'edit' | 'publish' | 'delete';

const ALLOWED: Record<TemplateVersionStatus, readonly VersionAction[]> = {
  draft: ['edit', 'publish', 'delete'],
  published: [],
  retired: [],
};

const REFUSALS: Record<VersionAction, Record<'published' | 'retired', { zh: string; en: string }>> = {
  edit: {
    published: {
      zh: '已发布的版本不能修改，请“复制为新版本”后在草稿中修改并重新发布',
      en: 'A published version cannot be changed; copy it to a new version, edit the draft and publish that',
    },
    retired: {
      zh: '已停用的版本不能修改，请复制为新版本后修改',
      en: 'A retired version cannot be changed; copy it to a new version and edit that',
    },
  },
  publish: {
    published: { zh: '该版本已经发布', en: 'This version is already published' },
    retired: {
      zh: '已停用的版本不能再次发布，请复制为新版本后发布',
      en: 'A retired version cannot be published again; copy it to a new version',
    },
  },
  delete: {
    published: {
      zh: '已发布的版本不能删除，发布新版本后它会自动停用',
      en: 'A published version cannot be deleted; publishing a new version retires it',
    },
    retired: { zh: '已停用的版本作为历史记录保留，不能删除', en: 'Retired versions are kept as history' },
  },
};

/** Null when `action` is allowed on a version in `status`, else the refusal (TRANSITION_NOT_ALLOWED). */
export function versionActionRefusal(
  status: TemplateVersionStatus,
  action: VersionAction,
  details: Record<string, unknown> = {},
): DomainError | null {
  if (ALLOWED[status].includes(action)) return null;
  const text = status === 'draft' ? null : REFUSALS[action][status];
  return domainError(
    'TRANSITION_NOT_ALLOWED',
    { ...details, status, action },
    text ?? { zh: `草稿不能执行“${action}”`, en: `a draft cannot ${action}` },
  );
}
