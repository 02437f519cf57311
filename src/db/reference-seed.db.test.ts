import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { walkNodes, type IndicatorNode } from '../core/indicators/types.ts';
import { PRESET_GRADE_SCHEMES } from '../core/scoring/grades.ts';
import { useTestDatabase } from '../../test/db.ts';
import type { Db } from './client.ts';
import { REFERENCE_TEMPLATE_FILES, seedReference } from './reference-seed.ts';
import { makeRepositories } from './repositories/index.ts';
import * as s from './schema.ts';

const t = useTestDatabase();

const seededTables = {
  divisions: s.divisions,
  expenditureFunctionClasses: s.expenditureFunctionClasses,
  gradeSchemes: s.gradeSchemes,
  regionSettings: s.regionSettings,
  templates: s.templates,
  templateVersions: s.templateVersions,
};

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(seededTables)) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    out[name] = row!.n;
  }
  return out;
}

describe('reference seed', () => {
  it('loads the reference data and is idempotent (run twice → same counts)', async () => {
    const first = await seedReference(t.db);
    const afterFirst = await counts(t.db);
    const second = await seedReference(t.db);
    const afterSecond = await counts(t.db);

    expect(afterFirst).toEqual({
      divisions: 83,
      expenditureFunctionClasses: 30,
      gradeSchemes: PRESET_GRADE_SCHEMES.length,
      regionSettings: first.settingsInserted,
      // the standard self-evaluation table and the seven scorecards of M2, each for 2025 and 2026
      templates: REFERENCE_TEMPLATE_FILES.length,
      templateVersions: 2 * REFERENCE_TEMPLATE_FILES.length,
    });
    expect(afterSecond).toEqual(afterFirst);
    expect(second.settingsInserted).toBe(0);
    expect(second.templateVersionsInserted).toBe(0);
  });

  it('gives 长白山管委会 and its districts project-local codes and marks statistical zones', async () => {
    const repos = makeRepositories(t.db);
    const cbs = await repos.divisions.get('229900');
    expect(cbs).toMatchObject({
      shortName: '长白山管委会',
      level: 'prefecture-equivalent',
      parentCode: '220000',
      codeKind: 'local',
      path: '220000/229900',
    });
    const districts = await repos.divisions.listChildren('229900');
    expect(districts.map((d) => [d.code, d.name, d.level, d.codeKind])).toEqual([
      ['229901', '池北区', 'county-equivalent', 'local'],
      ['229902', '池西区', 'county-equivalent', 'local'],
      ['229903', '池南区', 'county-equivalent', 'local'],
    ]);
    expect(await repos.divisions.get('220171')).toMatchObject({
      level: 'statistical-zone',
      codeKind: 'statistical',
    });
    expect(await repos.divisions.get('220122')).toMatchObject({
      codeKind: 'gbt2260',
      path: '220000/220100/220122',
    });
  });

  it('seeds the preset grade schemes from the core', async () => {
    const repos = makeRepositories(t.db);
    for (const preset of PRESET_GRADE_SCHEMES) {
      expect(await repos.reference.getGradeScheme(preset.code)).toEqual(preset);
    }
    const top = await repos.reference.listExpenditureClasses(null);
    expect(top.find((c) => c.code === '205')).toMatchObject({ name: '教育支出', level: 'class' });
  });

  it('publishes the standard self-evaluation template for 2025 and 2026 with weights 50/30/10/10', async () => {
    const repos = makeRepositories(t.db);
    const template = await repos.templates.getTemplateByCode('220000', 'project-selfeval-standard');
    expect(template).toMatchObject({ subjectKind: 'project_selfeval' });
    for (const year of [2025, 2026]) {
      const version = await repos.templates.getPublishedVersion(template!.id, year);
      expect(version?.status).toBe('published');
      const def = version!.definition;
      expect(def.maxScore).toBe(100);
      expect(def.nodes.map((n) => [n.name, n.weight])).toEqual([
        ['产出指标', 50],
        ['效益指标', 30],
        ['满意度指标', 10],
        ['预算执行率', 10],
      ]);
      const sum = (nodes: readonly IndicatorNode[]) => nodes.reduce((a, n) => a + n.weight, 0);
      for (const { node } of walkNodes(def.nodes)) {
        if (node.type === 'group') expect(sum(node.children), node.code).toBe(node.weight);
        else expect(['positive', 'reverse', 'qualitative']).toContain(node.rule.kind);
      }
    }
  });

  it('seeds the province defaults, inherited by every county', async () => {
    const repos = makeRepositories(t.db);
    const gate = await repos.settings.getEffective<number>('220122', 2026, 'gate.ex_ante_assessment_min_fen');
    expect(gate).toEqual({
      key: 'gate.ex_ante_assessment_min_fen',
      value: 3_000_000_000,
      fromMofDivCode: '220000',
      inherited: true,
      locked: false,
    });
    expect((await repos.settings.getEffective('229903', 2025, 'grading.scheme'))?.value).toBe('jilin-5');
  });
});
