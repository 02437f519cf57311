import { z } from 'zod';
import { ROLES } from '../core/access/roles.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Role = z.enum(ROLES);

/** The signed-in user, the CSRF token to send as `x-csrf-token` on writes, and what they may do. */
export const Me = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(Role),
    divisionCode: z.string(),
    divisionName: z.string(),
    organizationId: z.string().nullable(),
    organizationName: z.string().nullable(),
    mustChangePassword: z.boolean(),
  }),
  permissions: z.array(z.string()),
  /** Divisions the user may switch to (their own and those below), for the header's division switcher. */
  divisions: z.array(
    z.object({ code: z.string(), name: z.string(), level: z.string(), parentCode: z.string().nullable() }),
  ),
  csrfToken: z.string(),
  /** Idle timeout in seconds; the session ends after this long without a request. */
  idleTimeoutSeconds: z.number().int(),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;
