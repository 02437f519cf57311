/**
 * Use case: check a self-evaluation table file (.json or .xlsx) and export the checked workbook. The CLI
 * calls it today; the web page's upload route will call the same functions.
 */
import { domainError, err, ok, type DomainError, type Result } from '../../core/kernel/index.ts';
import {
  checkSelfEvaluation,
  type CheckSelfEvaluationOptions,
} from '../../core/selfeval/check-self-evaluation.ts';
import type { SelfEvalReport, SelfEvalTable } from '../../core/selfeval/types.ts';
import { readSelfEvalXlsx } from './read-selfeval-xlsx.ts';
import { parseSelfEvalJson } from './selfeval-json.ts';

export { exportCheckedWorkbook } from './write-selfeval-xlsx.ts';
export { toReportJson, type SelfEvalReportJson } from './report-json.ts';

export interface CheckedTable {
  readonly table: SelfEvalTable;
  readonly report: SelfEvalReport;
}

function readJson(content: Uint8Array): Result<SelfEvalTable, DomainError> {
  let data: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return err(
      domainError(
        'FILE_UNREADABLE',
        { cause: why },
        { zh: `不是有效的 JSON（${why}）`, en: `not valid JSON (${why})` },
      ),
    );
  }
  return parseSelfEvalJson(data);
}

/** Reads a table from its bytes (by the file name's extension) and checks it. */
export async function readSelfEvaluationFile(
  content: Uint8Array,
  fileName: string,
): Promise<Result<SelfEvalTable, DomainError>> {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  switch (ext) {
    case 'json':
      return readJson(content);
    case 'xlsx':
      return readSelfEvalXlsx(content);
    case 'xls':
      return err(
        domainError(
          'FILE_UNREADABLE',
          { fileName },
          {
            zh: '不支持旧版 .xls 文件，请另存为 .xlsx',
            en: 'legacy .xls files are not supported; save the workbook as .xlsx',
          },
        ),
      );
    default:
      return err(
        domainError(
          'FILE_UNREADABLE',
          { fileName },
          {
            zh: `不支持的文件类型“${fileName}”，请提供 .json 或 .xlsx`,
            en: `unsupported file type "${fileName}"; expected .json or .xlsx`,
          },
        ),
      );
  }
}

export async function checkSelfEvaluationFile(
  content: Uint8Array,
  fileName: string,
  options: CheckSelfEvaluationOptions = {},
): Promise<Result<CheckedTable, DomainError>> {
  const table = await readSelfEvaluationFile(content, fileName);
  if (!table.ok) return table;
  return ok({ table: table.value, report: checkSelfEvaluation(table.value, options) });
}
