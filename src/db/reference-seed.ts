/**
 * Loads the reference data shipped in reference/ (divisions, expenditure function classes, preset grade
 * schemes, province default settings, the standard self-evaluation template). Idempotent: product-owned
 * code tables are upserted; settings and template versions are only inserted where missing, so an
 * administrator's changes survive a re-run. Everything happens in one transaction.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import type { TemplateDefinition } from '../core/indicators/types.ts';
import { PRESET_GRADE_SCHEMES } from '../core/scoring/grades.ts';
import type { Db } from './client.ts';
import { makeRepositories } from './repositories/index.ts';
import type { NewDivision } from './repositories/division-repo.ts';
import { DIVISION_LEVELS, TEMPLATE_SUBJECT_KINDS, type DivisionCodeKind } from './schema.ts';

/** reference/ at the repository root, resolved relative to this module. */
export const REFERENCE_DIR = fileURLToPath(new URL('../../reference/', import.meta.url));

const DivisionFile = z.array(
  z.object({
    code: z.string().regex(/^\d{6}$/),
    name: z.string().min(1),
    shortName: z.string().optional(),
    parentCode: z.string().nullable(),
    level: z.enum(DIVISION_LEVELS),
    codeKind: z.enum(['gbt2260', 'statistical', 'local']).optional(),
    gbt2260: z.boolean().optional(),
    note: z.string().optional(),
  }),
);

const ClassFile = z.array(
  z.object({
    code: z.string().regex(/^\d{3}(\d{2}){0,2}$/),
    name: z.string().min(1),
    level: z.enum(['类', '款', '项']),
    verification: z.string(),
    note: z.string().optional(),
  }),
);

const SettingsFile = z.object({
  mofDivCode: z.string(),
  fiscalYears: z.array(z.number().int()),
  settings: z.array(
    z.object({
      key: z.string().min(1),
      value: z.unknown(),
      locked: z.boolean().optional(),
      note: z.string().optional(),
    }),
  ),
});

const Definition = z.object({ maxScore: z.number().positive(), nodes: z.array(z.unknown()).min(1) });

const TemplateFile = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  subjectKind: z.enum(TEMPLATE_SUBJECT_KINDS),
  mofDivCode: z.string(),
  description: z.string().optional(),
  versions: z.array(
    z.object({
      fiscalYear: z.number().int(),
      versionNo: z.number().int().positive(),
      changeNote: z.string().optional(),
      /** The year's own tree when it differs from the template's `definition`. */
      definition: Definition.optional(),
    }),
  ),
  definition: Definition,
});

/** Province templates shipped with the product: the standard self-evaluation table and the scorecards
 * of M2 (T1, T2, T3, T10, T11, T12, T20), each an editable default (its `description` says why). */
export const REFERENCE_TEMPLATE_FILES = [
  'templates/project-selfeval-standard.json',
  'templates/county-fiscal-high-quality.json',
  'templates/department-budget-management.json',
  'templates/finance-division-internal.json',
  'templates/investment-fund.json',
  'templates/state-assets.json',
  'templates/government-revenue.json',
  'templates/frugality.json',
] as const;

export interface ReferenceSeedReport {
  readonly divisions: number;
  readonly expenditureClasses: number;
  readonly gradeSchemes: number;
  /** Settings inserted by this run (existing ones are left alone). */
  readonly settingsInserted: number;
  readonly templates: number;
  /** Template versions inserted by this run. */
  readonly templateVersionsInserted: number;
}

function readJson(dir: string, file: string): unknown {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
}

/** Division rows with their paths, parents before children. */
export function divisionRows(raw: unknown): NewDivision[] {
  const rows = DivisionFile.parse(raw);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const pathOf = (code: string, seen: Set<string> = new Set()): string => {
    const r = byCode.get(code);
    if (!r) throw new Error(`reference divisions: unknown parent code ${code}`);
    if (seen.has(code)) throw new Error(`reference divisions: cycle at ${code}`);
    seen.add(code);
    return r.parentCode ? `${pathOf(r.parentCode, seen)}/${code}` : code;
  };
  const out = rows.map((r, i): NewDivision => {
    const codeKind: DivisionCodeKind = r.codeKind ?? (r.gbt2260 === false ? 'statistical' : 'gbt2260');
    return {
      code: r.code,
      name: r.name,
      shortName: r.shortName ?? null,
      level: r.level,
      parentCode: r.parentCode,
      codeKind,
      path: pathOf(r.code),
      sortOrder: (i + 1) * 10,
      active: true,
      note: r.note ?? null,
    };
  });
  return out.sort((a, b) => a.path.split('/').length - b.path.split('/').length);
}

const CLASS_LEVEL = { 类: 'class', 款: 'section', 项: 'item' } as const;

export async function seedReference(db: Db, dir: string = REFERENCE_DIR): Promise<ReferenceSeedReport> {
  const divisions = divisionRows(readJson(dir, 'jilin-divisions.json'));
  const classes = ClassFile.parse(readJson(dir, 'expenditure-function-classes.json'));
  const settings = SettingsFile.parse(readJson(dir, 'region-settings.json'));
  const templateFiles = REFERENCE_TEMPLATE_FILES.map((f) => TemplateFile.parse(readJson(dir, f)));

  return db.transaction(async (tx) => {
    const repos = makeRepositories(tx);
    const divisionCount = await repos.divisions.upsertMany(divisions);

    const classCount = await repos.reference.upsertExpenditureClasses(
      classes.map((c, i) => ({
        code: c.code,
        name: c.name,
        level: CLASS_LEVEL[c.level],
        parentCode: c.code.length > 3 ? c.code.slice(0, c.code.length - 2) : null,
        verification: c.verification,
        note: c.note ?? null,
        sortOrder: (i + 1) * 10,
      })),
    );

    for (const scheme of PRESET_GRADE_SCHEMES) {
      await repos.reference.upsertGradeScheme(scheme, { builtIn: true, mofDivCode: null });
    }

    const settingsInserted = await repos.settings.insertIfMissing(
      settings.fiscalYears.flatMap((fiscalYear) =>
        settings.settings.map((s) => ({
          mofDivCode: settings.mofDivCode,
          fiscalYear,
          key: s.key,
          value: s.value,
          locked: s.locked ?? false,
          note: s.note ?? null,
        })),
      ),
    );

    let templateVersionsInserted = 0;
    for (const file of templateFiles) {
      const template = await repos.templates.upsertTemplate({
        mofDivCode: file.mofDivCode,
        code: file.code,
        name: file.name,
        nameEn: file.nameEn ?? null,
        subjectKind: file.subjectKind,
        description: file.description ?? null,
      });
      for (const v of file.versions) {
        const inserted = await repos.templates.insertPublishedVersionIfMissing({
          templateId: template.id,
          fiscalYear: v.fiscalYear,
          versionNo: v.versionNo,
          definition: (v.definition ?? file.definition) as unknown as TemplateDefinition,
          changeNote: v.changeNote ?? null,
        });
        if (inserted) templateVersionsInserted++;
      }
    }

    return {
      divisions: divisionCount,
      expenditureClasses: classCount,
      gradeSchemes: PRESET_GRADE_SCHEMES.length,
      settingsInserted,
      templates: templateFiles.length,
      templateVersionsInserted,
    };
  });
}
