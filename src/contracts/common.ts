import { z } from 'zod';

/** Every error response: a stable code, a Chinese message, its English, and details. */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Server-side paging and sorting for lists that can exceed a few hundred rows. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  sort: z.string().max(64).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().max(100).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const Uuid = z.uuid();
export const DivisionCode = z.string().regex(/^\d{6}$/, '区划代码应为6位数字');
export const FiscalYear = z.coerce.number().int().min(2000).max(2100);

/** Optimistic locking: writes to editable records carry the version they were read at. */
export const Versioned = z.object({ version: z.number().int().min(1) });
