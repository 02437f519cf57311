/**
 * The closed set of expected failures. Each code is stable once shipped and carries a Chinese and an
 * English message; `details` says which record, field or position. The API maps each code to one HTTP
 * status (src/api/http-errors.ts), the CLI to an exit code; adding a code here without a status does not
 * compile.
 */
export const errorCatalogue = {
  // generic
  VALIDATION_FAILED: { zh: '输入不符合要求', en: 'The input is not valid' },
  NOT_FOUND: { zh: '未找到该记录', en: 'Record not found' },
  VERSION_CONFLICT: {
    zh: '该记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  },
  DUPLICATE: { zh: '记录已存在', en: 'The record already exists' },
  TRANSITION_NOT_ALLOWED: {
    zh: '当前状态下不允许此操作',
    en: 'This action is not allowed in the current state',
  },
  // access
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  OUT_OF_SCOPE: {
    zh: '该数据不属于您所在区划或单位',
    en: 'This record is outside your division or organization',
  },
  PASSWORD_POLICY: { zh: '密码不符合要求', en: 'The password does not meet the policy' },
  LOGIN_FAILED: { zh: '用户名或密码错误', en: 'Wrong user name or password' },
  ACCOUNT_LOCKED: {
    zh: '账号已被临时锁定，请稍后再试',
    en: 'The account is locked for a while; try again later',
  },
  ACCOUNT_DISABLED: { zh: '账号已停用', en: 'The account is disabled' },
  SESSION_EXPIRED: { zh: '登录已超时，请重新登录', en: 'The session expired; please sign in again' },
  CSRF_FAILED: { zh: '请求校验失败，请刷新页面后重试', en: 'Request verification failed; reload the page' },
  TOO_MANY_REQUESTS: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  PASSWORD_CHANGE_REQUIRED: {
    zh: '首次登录或密码已重置，请先修改密码',
    en: 'Please change your password before continuing',
  },
  PAYLOAD_TOO_LARGE: { zh: '上传的内容过大', en: 'The upload is too large' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  // indicator templates and scoring
  TEMPLATE_INVALID: { zh: '指标模板存在问题', en: 'The indicator template has problems' },
  FORMULA_INVALID: { zh: '评分公式无法解析', en: 'The scoring formula cannot be compiled' },
  GRADE_SCHEME_INVALID: { zh: '等次方案设置有误', en: 'The grade scheme is not valid' },
  INPUT_MISSING: { zh: '缺少评分所需的数据', en: 'An input required for scoring is missing' },
  // files
  FILE_UNREADABLE: { zh: '文件无法读取', en: 'The file cannot be read' },
  IMPORT_REJECTED: { zh: '导入未执行', en: 'The import was not carried out' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface DomainError {
  readonly code: ErrorCode;
  /** Chinese message shown to users. */
  readonly message: string;
  readonly messageEn: string;
  readonly details?: unknown;
}

/** Builds an error from the catalogue; `zh`/`en` refine the message with specifics. */
export function domainError(
  code: ErrorCode,
  details?: unknown,
  specifics?: { zh: string; en: string },
): DomainError {
  const base = errorCatalogue[code];
  const e: { -readonly [K in keyof DomainError]: DomainError[K] } = {
    code,
    message: specifics ? `${base.zh}：${specifics.zh}` : base.zh,
    messageEn: specifics ? `${base.en}: ${specifics.en}` : base.en,
  };
  if (details !== undefined) e.details = details;
  return e;
}
