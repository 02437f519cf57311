import type { FieldLabel } from './audit-diff.ts';

/** What an audit action means, for people reading the log. Unknown actions show their code. */
export const ACTION_LABELS: Readonly<Record<string, FieldLabel>> = {
  'session.login': { zh: '登录', en: 'Signed in' },
  'session.logout': { zh: '退出登录', en: 'Signed out' },
  'session.login_failed': { zh: '登录失败', en: 'Failed sign-in' },
  'session.account_locked': { zh: '登录失败次数过多，账号锁定', en: 'Account locked after failed sign-ins' },
  'user.create': { zh: '新增用户', en: 'Created a user' },
  'user.create_first_admin': { zh: '创建首个管理员', en: 'Created the first administrator' },
  'user.update': { zh: '修改用户', en: 'Changed a user' },
  'user.reset_password': { zh: '重置密码', en: 'Reset a password' },
  'user.change_password': { zh: '修改本人密码', en: 'Changed own password' },
  'organization.create': { zh: '新增单位', en: 'Created an organization' },
  'organization.update': { zh: '修改单位', en: 'Changed an organization' },
  'indicator.create': { zh: '新增指标', en: 'Created an indicator' },
  'indicator.update': { zh: '修改指标', en: 'Changed an indicator' },
  'indicator.retire': { zh: '停用指标', en: 'Retired an indicator' },
  'template.create': { zh: '新增指标模板', en: 'Created a template' },
  'template.update': { zh: '修改指标模板', en: 'Changed a template' },
  'template.publish': { zh: '发布指标模板', en: 'Published a template' },
  'template_version.create': { zh: '新建模板版本', en: 'Created a template version' },
  'template_version.update': { zh: '修改模板版本', en: 'Changed a template version' },
  'template_version.publish': { zh: '发布模板版本', en: 'Published a template version' },
  'template_version.retire': { zh: '停用模板版本', en: 'Retired a template version' },
  'template_version.delete': { zh: '删除模板版本', en: 'Deleted a template version' },
  'scoring.subjects_create': { zh: '新增评价对象', en: 'Created scoring subjects' },
  'scoring.inputs_save': { zh: '填报评分数据', en: 'Saved scoring inputs' },
  'scoring.inputs_import': { zh: '导入评分数据', en: 'Imported scoring inputs' },
  'scoring.import_upload': { zh: '上传评分数据文件', en: 'Uploaded a scoring input file' },
  'scoring.evidence_upload': { zh: '上传佐证材料', en: 'Uploaded evidence' },
  'scoring.run_start': { zh: '开始评分', en: 'Started a scoring run' },
  'scoring.run_finish': { zh: '完成评分', en: 'Finished a scoring run' },
  'selfeval.save': { zh: '保存项目自评表', en: 'Saved a self-evaluation' },
  'selfeval.replace': { zh: '替换项目自评表', en: 'Replaced a self-evaluation' },
};

export const OBJECT_TYPE_LABELS: Readonly<Record<string, FieldLabel>> = {
  user: { zh: '用户', en: 'User' },
  session: { zh: '登录会话', en: 'Session' },
  organization: { zh: '单位', en: 'Organization' },
  indicator: { zh: '指标', en: 'Indicator' },
  template: { zh: '指标模板', en: 'Template' },
  template_version: { zh: '模板版本', en: 'Template version' },
  subject: { zh: '评价对象', en: 'Scoring subject' },
  scoring_run: { zh: '评分批次', en: 'Scoring run' },
  scoring_import: { zh: '评分数据导入', en: 'Scoring import' },
  scoring_evidence: { zh: '佐证材料', en: 'Evidence' },
  attachment: { zh: '附件', en: 'Attachment' },
  self_evaluation: { zh: '项目自评表', en: 'Self-evaluation' },
};

/** Values of enum-like fields, for the before/after comparison. */
export const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, FieldLabel>>>> = {
  status: {
    active: { zh: '启用', en: 'Active' },
    disabled: { zh: '停用', en: 'Disabled' },
    inactive: { zh: '停用', en: 'Inactive' },
    draft: { zh: '草稿', en: 'Draft' },
    submitted: { zh: '已提交', en: 'Submitted' },
    accepted: { zh: '已确认', en: 'Accepted' },
    returned: { zh: '已退回', en: 'Returned' },
    published: { zh: '已发布', en: 'Published' },
    retired: { zh: '已停用', en: 'Retired' },
  },
};
