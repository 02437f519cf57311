import type { FastifyReply, FastifyRequest } from 'fastify';
import { domainError } from '../core/kernel/errors.ts';

/**
 * File uploads and downloads shared by routes: one file per multipart request (≤ 20 MB, the limit set in
 * build-app.ts; larger answers 413 PAYLOAD_TOO_LARGE) with the text fields sent before it, and file
 * answers with an RFC 5987 file name.
 */
export interface UploadedPart {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
  /** Text fields that came before the file in the form. */
  readonly fields: Readonly<Record<string, string>>;
}

export async function readUpload(request: FastifyRequest): Promise<UploadedPart | null> {
  if (!request.isMultipart()) return null;
  const part = await request.file();
  if (!part) return null;
  const content = new Uint8Array(await part.toBuffer());
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v && v.type === 'field' && typeof v.value === 'string') fields[name] = v.value;
  }
  return { fileName: part.filename, contentType: part.mimetype, content, fields };
}

export const noUpload = () =>
  domainError(
    'VALIDATION_FAILED',
    { field: 'file' },
    {
      zh: '请以 multipart/form-data 上传一个文件（字段名 file）',
      en: 'upload one file as multipart/form-data (field "file")',
    },
  );

/** attachment; with the file name in ASCII for old clients and in UTF-8 (RFC 5987) for the rest. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function sendDownload(
  reply: FastifyReply,
  file: { body: Uint8Array; filename: string; contentType: string },
): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition('attachment', file.filename))
    .header('cache-control', 'no-store')
    .send(Buffer.from(file.body));
}
