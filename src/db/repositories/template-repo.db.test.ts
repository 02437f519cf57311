import { describe, expect, it } from 'vitest';
import type { TemplateDefinition } from '../../core/indicators/types.ts';
import { MOF_FOUR_TIER } from '../../core/scoring/grades.ts';
import { useTestDatabase } from '../../../test/db.ts';
import { makeTemplateRepo } from './template-repo.ts';
import { REFERENCE_TEMPLATE_FILES } from '../reference-seed.ts';

const t = useTestDatabase({ reference: true });

const definition: TemplateDefinition = {
  maxScore: 100,
  nodes: [
    {
      type: 'group',
      code: 'A',
      name: '地方自主财力',
      weight: 60,
      children: [
        {
          type: 'leaf',
          code: 'A1',
          name: '税收收入占比',
          weight: 30,
          unit: '%',
          rule: { kind: 'positive', target: 75 },
        },
        {
          type: 'leaf',
          code: 'A2',
          name: '非税收入增幅',
          weight: 30,
          rule: {
            kind: 'banded',
            bands: [
              { from: 0, points: 10 },
              { from: 5, points: 30 },
            ],
            interpolate: true,
          },
        },
      ],
    },
    {
      type: 'leaf',
      code: 'B',
      name: '财政运行质量',
      weight: 40,
      rule: { kind: 'qualitative', fallback: 'lower' },
    },
    {
      type: 'group',
      code: 'X',
      name: '违反财经纪律',
      weight: 10,
      category: 'deduction',
      children: [
        { type: 'leaf', code: 'X1', name: '违纪事项', weight: 10, rule: { kind: 'deduction', perUnit: 2 } },
      ],
    },
  ],
};

describe('templates and versions', () => {
  it('round-trips a version and publishes it, retiring the one published before', async () => {
    const repo = makeTemplateRepo(t.db);
    const created = await repo.createTemplate({
      mofDivCode: '220100',
      code: 'county-fiscal',
      name: '县域财政高质量发展综合评价',
      subjectKind: 'county_fiscal',
    });
    if (!created.ok) throw new Error(created.error.message);
    const dup = await repo.createTemplate({
      mofDivCode: '220100',
      code: 'county-fiscal',
      name: 'again',
      subjectKind: 'county_fiscal',
    });
    expect(!dup.ok && dup.error.code).toBe('DUPLICATE');

    const v1 = await repo.createVersion({ templateId: created.value.id, fiscalYear: 2026, definition });
    if (!v1.ok) throw new Error(v1.error.message);
    expect(v1.value).toMatchObject({ versionNo: 1, status: 'draft', mofDivCode: '220100', version: 1 });
    const read = await repo.getVersion(v1.value.id);
    expect(read?.definition).toEqual(definition);

    const stale = await repo.updateDraft(v1.value.id, { expectedVersion: 7, gradeScheme: MOF_FOUR_TIER });
    expect(!stale.ok && stale.error.code).toBe('VERSION_CONFLICT');
    const edited = await repo.updateDraft(v1.value.id, { expectedVersion: 1, gradeScheme: MOF_FOUR_TIER });
    expect(edited.ok && edited.value.gradeScheme).toEqual(MOF_FOUR_TIER);

    const published = await repo.publishVersion(v1.value.id, { expectedVersion: 2 });
    expect(published.ok && published.value.status).toBe('published');
    expect(published.ok && published.value.publishedAt).toBeInstanceOf(Date);
    const again = await repo.publishVersion(v1.value.id, {});
    expect(!again.ok && again.error.code).toBe('TRANSITION_NOT_ALLOWED');
    const editPublished = await repo.updateDraft(v1.value.id, { expectedVersion: 3, changeNote: 'x' });
    expect(!editPublished.ok && editPublished.error.code).toBe('TRANSITION_NOT_ALLOWED');

    const v2 = await repo.createVersion({
      templateId: created.value.id,
      fiscalYear: 2026,
      definition: { ...definition, nodes: definition.nodes.slice(0, 2) },
      basedOnVersionId: v1.value.id,
      changeNote: '删除减分项',
    });
    if (!v2.ok) throw new Error(v2.error.message);
    expect(v2.value.versionNo).toBe(2);
    expect((await repo.publishVersion(v2.value.id, {})).ok).toBe(true);
    expect((await repo.getPublishedVersion(created.value.id, 2026))?.id).toBe(v2.value.id);
    expect((await repo.getVersion(v1.value.id))?.status).toBe('retired');
    expect((await repo.listVersions(created.value.id)).map((v) => [v.versionNo, v.status])).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ]);
  });

  it('lets a division use the templates published by itself and the divisions above it', async () => {
    const repo = makeTemplateRepo(t.db);
    const own = await repo.createTemplate({
      mofDivCode: '220200',
      code: 'jilin-city-only',
      name: '吉林市自定模板',
      subjectKind: 'other',
    });
    expect(own.ok).toBe(true);
    // the province's reference templates (the standard self-evaluation table and the scorecards) apply everywhere
    const reference = REFERENCE_TEMPLATE_FILES.map((f) => `220000:${f.replace(/^templates\/|\.json$/g, '')}`);
    const codes = async (div: string) =>
      (await repo.listTemplatesFor(div)).map((x) => `${x.mofDivCode}:${x.code}`).sort();
    expect(await codes('220122')).toEqual([...reference, '220100:county-fiscal'].sort());
    expect(await codes('220202')).toEqual([...reference, '220200:jilin-city-only'].sort());
    expect(await codes('220000')).toEqual([...reference].sort());
    expect(await repo.listTemplatesFor('220122', 'project_selfeval')).toHaveLength(1);
  });

  it('refuses a version for an unknown template', async () => {
    const repo = makeTemplateRepo(t.db);
    const r = await repo.createVersion({
      templateId: '00000000-0000-4000-8000-000000000000',
      fiscalYear: 2026,
      definition,
    });
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
  });
});
