import { describe, expect, it } from 'vitest';
import type { TemplateDefinition } from '../../src/core/indicators/types.ts';
import { useTestApi, type Session } from '../api.ts';

const t = useTestApi();

/** A county fiscal template: positive, banded, qualitative and a deduction group. */
const definition: TemplateDefinition = {
  maxScore: 100,
  nodes: [
    {
      type: 'group',
      code: 'A',
      name: '地方自主财力',
      weight: 60,
      allowLocal: true,
      rescale: true,
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
    { type: 'leaf', code: 'B', name: '财政运行质量', weight: 40, rule: { kind: 'qualitative' } },
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

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

async function auditActions(objectId: string): Promise<string[]> {
  const { items } = await t.app.repos.audit.list({ divisionCodes: null, objectId, offset: 0, limit: 50 });
  return items.map((e) => e.action).sort();
}

async function createTemplate(s: Session, code: string, extra: Record<string, unknown> = {}) {
  const r = await s.post('/api/v1/templates', {
    code,
    name: '县域财政高质量发展综合评价',
    subjectKind: 'county_fiscal',
    fiscalYear: 2026,
    ...extra,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { template: { id: string }; version: { id: string; version: number } };
}

async function saveDraft(s: Session, id: string, def: TemplateDefinition) {
  const current = (await s.get(`/api/v1/template-versions/${id}`)).json();
  return s.request('PUT', `/api/v1/template-versions/${id}`, {
    version: current.version.version,
    definition: def,
  });
}

describe('templates and versions', () => {
  let templateId = '';
  let v1 = '';

  it('creates a template with an empty first draft, audited', async () => {
    const sheng = await t.login('sheng');
    const { template, version } = await createTemplate(sheng, 'county-fiscal');
    templateId = template.id;
    v1 = version.id;
    const view = (await sheng.get(`/api/v1/template-versions/${v1}`)).json();
    expect(view.version).toMatchObject({ status: 'draft', fiscalYear: 2026, versionNo: 1 });
    expect(view.version.definition).toEqual({ maxScore: 100, nodes: [] });
    expect(view.issues.map((i: { code: string }) => i.code)).toEqual(['EMPTY_TEMPLATE']);
    expect(view.writable).toBe(true);
    expect(view.gradeScheme.code).toBe('jilin-5');
    expect(await auditActions(template.id)).toEqual(['template.create']);
    expect(await auditActions(v1)).toEqual(['template_version.create']);
  });

  it('validation lists every problem at once, with code, node, path and both languages', async () => {
    const sheng = await t.login('sheng');
    const bad = clone(definition) as unknown as {
      nodes: { children?: { weight: number; code: string; rule?: unknown }[] }[];
    };
    bad.nodes[0]!.children![0]!.weight = 25; // 25 + 30 ≠ 60 is fine (rescale) — break something else:
    bad.nodes[0]!.children![1]!.code = 'A1'; // duplicate code
    bad.nodes[0]!.children![1]!.rule = {
      kind: 'banded',
      bands: [
        { from: 5, points: 10 },
        { from: 0, points: 40 },
      ],
    };
    (bad.nodes[1] as { weight: number }).weight = 30; // first level adds up to 90
    (bad.nodes[2]!.children![0] as { rule: unknown }).rule = {
      kind: 'formula',
      expression: 'count * ',
      inputs: [{ name: 'count' }],
    };
    const r = await sheng.post(`/api/v1/template-versions/${v1}/validate`, { definition: bad });
    expect(r.statusCode).toBe(200);
    const { valid, issues } = r.json();
    expect(valid).toBe(false);
    expect(issues.map((i: { code: string }) => i.code).sort()).toEqual(
      // a formula in a deduction group is also a category mismatch
      ['BAD_BANDS', 'CATEGORY_MISMATCH', 'DUPLICATE_CODE', 'FORMULA_INVALID', 'WEIGHTS_MISMATCH'].sort(),
    );
    const dup = issues.find((i: { code: string }) => i.code === 'DUPLICATE_CODE');
    expect(dup).toMatchObject({ nodeCode: 'A1', path: '地方自主财力 › 非税收入增幅' });
    expect(dup.message).toContain('重复');
    expect(dup.messageEn).toContain('also used');
  });

  it('saves a draft with problems (listed), refuses to publish it, publishes once fixed', async () => {
    const sheng = await t.login('sheng');
    const unfinished = clone(definition);
    (unfinished.nodes[1] as { weight: number }).weight = 30;
    const saved = await saveDraft(sheng, v1, unfinished);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().issues.map((i: { code: string }) => i.code)).toEqual(['WEIGHTS_MISMATCH']);

    const version = saved.json().version.version;
    const refused = await sheng.post(`/api/v1/template-versions/${v1}/publish`, { version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('TEMPLATE_INVALID');
    expect(refused.json().message).toContain('1 处问题');
    expect(refused.json().details.issues[0].code).toBe('WEIGHTS_MISMATCH');

    const fixed = await saveDraft(sheng, v1, definition);
    expect(fixed.json().issues).toEqual([]);
    const published = await sheng.post(`/api/v1/template-versions/${v1}/publish`, {
      version: fixed.json().version.version,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().version).toMatchObject({ status: 'published', versionNo: 1 });
    expect(published.json().retired).toBeNull();
    expect(await auditActions(v1)).toEqual([
      'template_version.create',
      'template_version.publish',
      'template_version.update',
      'template_version.update',
    ]);
  });

  it('a stale draft save answers 409 with the current version', async () => {
    const sheng = await t.login('sheng');
    const draft = await sheng.post(`/api/v1/templates/${templateId}/versions`, {
      fiscalYear: 2026,
      copyFromVersionId: v1,
    });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id;
    const read = draft.json().version;
    const first = await sheng.request('PUT', `/api/v1/template-versions/${id}`, {
      version: read,
      definition,
      changeNote: '第一次修改',
    });
    expect(first.statusCode).toBe(200);
    const stale = await sheng.request('PUT', `/api/v1/template-versions/${id}`, {
      version: read,
      definition,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(stale.json().details.current).toMatchObject({ id, version: read + 1, changeNote: '第一次修改' });
    // discard it
    expect((await sheng.del(`/api/v1/template-versions/${id}`)).statusCode).toBe(204);
    expect((await sheng.get(`/api/v1/template-versions/${id}`)).statusCode).toBe(404);
  });

  it('never changes a published version in place: edit answers TRANSITION_NOT_ALLOWED, copy it instead', async () => {
    const sheng = await t.login('sheng');
    const view = (await sheng.get(`/api/v1/template-versions/${v1}`)).json();
    expect(view.writable).toBe(false);
    const r = await sheng.request('PUT', `/api/v1/template-versions/${v1}`, {
      version: view.version.version,
      definition,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('TRANSITION_NOT_ALLOWED');
    expect(r.json().message).toContain('复制为新版本');
    expect((await sheng.del(`/api/v1/template-versions/${v1}`)).json().code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('publishing a new version retires the one published before for the same year', async () => {
    const sheng = await t.login('sheng');
    const draft = (
      await sheng.post(`/api/v1/templates/${templateId}/versions`, {
        fiscalYear: 2026,
        copyFromVersionId: v1,
      })
    ).json();
    expect(draft.versionNo).toBe(2); // the discarded draft's number is free again
    expect(draft.changeNote).toBe('复制自2026年度第1版');
    const changed = clone(definition);
    (changed.nodes[0] as { name: string }).name = '地方自主财力（2026修订）';
    const saved = await saveDraft(sheng, draft.id, changed);
    const published = await sheng.post(`/api/v1/template-versions/${draft.id}/publish`, {
      version: saved.json().version.version,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().retired).toMatchObject({ id: v1, status: 'retired' });
    const detail = (await sheng.get(`/api/v1/templates/${templateId}`)).json();
    const statuses = detail.versions.map((v: { versionNo: number; status: string }) => [
      v.versionNo,
      v.status,
    ]);
    expect(statuses).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ]);
    expect(await auditActions(v1)).toContain('template_version.retire');

    // copy to another year
    const next = await sheng.post(`/api/v1/templates/${templateId}/versions`, {
      fiscalYear: 2027,
      copyFromVersionId: draft.id,
    });
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ fiscalYear: 2027, versionNo: 1, status: 'draft' });
    expect(next.json().definition).toEqual(changed);
  });

  it('a county sees the province template and its published versions, not its drafts, and cannot edit it', async () => {
    const nongan = await t.login('nongan');
    const list = (await nongan.get('/api/v1/templates')).json();
    const mine = list.find((x: { id: string }) => x.id === templateId);
    expect(mine).toBeDefined();
    expect(mine.writable).toBe(false);
    expect(mine.divisionName).toBe('吉林省');
    expect(mine.versions.every((v: { status: string }) => v.status !== 'draft')).toBe(true);
    const sheng = await t.login('sheng');
    const draft2027 = (await sheng.get(`/api/v1/templates/${templateId}`))
      .json()
      .versions.find((v: { fiscalYear: number }) => v.fiscalYear === 2027);
    expect((await nongan.get(`/api/v1/template-versions/${draft2027.id}`)).statusCode).toBe(404);

    const published = mine.versions.find((v: { status: string }) => v.status === 'published');
    const edit = await nongan.request('PUT', `/api/v1/template-versions/${published.id}`, {
      version: published.version,
      definition,
    });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().code).toBe('OUT_OF_SCOPE');
    const newVersion = await nongan.post(`/api/v1/templates/${templateId}/versions`, { fiscalYear: 2026 });
    expect(newVersion.statusCode).toBe(403);
    const publish = await nongan.post(`/api/v1/template-versions/${published.id}/publish`, {
      version: published.version,
    });
    expect(publish.statusCode).toBe(403);
  });

  it('a county derives its own version, adding local indicators only under allowLocal groups', async () => {
    const nongan = await t.login('nongan');
    const sheng = await t.login('sheng');
    const provincePublished = (await sheng.get(`/api/v1/templates/${templateId}`))
      .json()
      .versions.find((v: { status: string }) => v.status === 'published');
    // deriving from a province draft is refused: the county cannot even see it
    const provinceDraft = (await sheng.get(`/api/v1/templates/${templateId}`))
      .json()
      .versions.find((v: { status: string }) => v.status === 'draft');
    const fromDraft = await nongan.post('/api/v1/templates', {
      code: 'from-draft',
      name: '不应成功',
      subjectKind: 'county_fiscal',
      fiscalYear: 2027,
      copyFromVersionId: provinceDraft.id,
    });
    expect(fromDraft.statusCode).toBe(404);
    const derived = await nongan.post('/api/v1/templates', {
      code: 'county-fiscal',
      name: '县域财政高质量发展综合评价（农安县）',
      subjectKind: 'county_fiscal',
      fiscalYear: 2026,
      copyFromVersionId: provincePublished.id,
    });
    expect(derived.statusCode).toBe(201);
    expect(derived.json().template.mofDivCode).toBe('220122');
    const id = derived.json().version.id;
    const view = (await nongan.get(`/api/v1/template-versions/${id}`)).json();
    expect(view.upstream).toMatchObject({
      versionId: provincePublished.id,
      mofDivCode: '220000',
      localGroups: ['A'],
    });
    expect(view.issues).toEqual([]);
    const base = view.version.definition as TemplateDefinition;

    // a local indicator under 地方自主财力 (allowLocal, rescaled): accepted
    const withLocal = clone(base) as unknown as { nodes: { children?: unknown[] }[] };
    withLocal.nodes[0]!.children!.push({
      type: 'leaf',
      code: 'A9',
      name: '农安县：县级土地出让收入占比',
      weight: 10,
      rule: { kind: 'positive', target: 20 },
    });
    const ok = await saveDraft(nongan, id, withLocal as unknown as TemplateDefinition);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().issues).toEqual([]);

    // under 违反财经纪律 (no allowLocal), and a changed province weight: refused with both problems
    const outside = clone(withLocal) as unknown as { nodes: { weight: number; children?: unknown[] }[] };
    outside.nodes[2]!.children!.push({
      type: 'leaf',
      code: 'X9',
      name: '农安县：本级扣分',
      weight: 10,
      rule: { kind: 'deduction' },
    });
    outside.nodes[1]!.weight = 40.5;
    const refused = await saveDraft(nongan, id, outside as unknown as TemplateDefinition);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('TEMPLATE_INVALID');
    expect(
      refused.json().details.issues.map((i: { code: string; nodeCode: string }) => [i.code, i.nodeCode]),
    ).toEqual([
      ['BASE_NODE_CHANGED', 'B'],
      ['LOCAL_NODE_NOT_ALLOWED', 'X9'],
    ]);
    // the validate endpoint lists them too
    const v = (await nongan.post(`/api/v1/template-versions/${id}/validate`, { definition: outside })).json();
    expect(v.issues.map((i: { code: string }) => i.code)).toContain('LOCAL_NODE_NOT_ALLOWED');

    // publish the derived version: the county's own template, audited in the county
    const current = (await nongan.get(`/api/v1/template-versions/${id}`)).json();
    const pub = await nongan.post(`/api/v1/template-versions/${id}/publish`, {
      version: current.version.version,
    });
    expect(pub.statusCode).toBe(200);
    const events = await t.app.repos.audit.list({
      divisionCodes: ['220122'],
      objectId: id,
      offset: 0,
      limit: 10,
    });
    expect(events.items.map((e) => e.action).sort()).toEqual([
      'template_version.create',
      'template_version.publish',
      'template_version.update',
    ]);
    // the county's list shows its own (derived) template beside the province's
    const list = (await nongan.get('/api/v1/templates')).json();
    const own = list.find((x: { mofDivCode: string }) => x.mofDivCode === '220122');
    expect(own.upstream).toMatchObject({ templateId, mofDivCode: '220000' });
    expect(own.writable).toBe(true);
  });

  it('out-of-scope reads: a sibling county gets NOT_FOUND, naming its division OUT_OF_SCOPE', async () => {
    const nongan = await t.login('nongan');
    const own = (await nongan.get('/api/v1/templates'))
      .json()
      .find((x: { mofDivCode: string }) => x.mofDivCode === '220122');
    const yushu = await t.login('yushu');
    expect((await yushu.get(`/api/v1/templates/${own.id}`)).statusCode).toBe(404);
    expect((await yushu.get(`/api/v1/template-versions/${own.versions[0].id}`)).statusCode).toBe(404);
    const list = await yushu.get('/api/v1/templates?division=220122');
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('OUT_OF_SCOPE');
    expect(
      (await yushu.get('/api/v1/templates'))
        .json()
        .some((x: { mofDivCode: string }) => x.mofDivCode === '220122'),
    ).toBe(false);
    // the city above it sees it
    const changchun = await t.login('changchun');
    expect((await changchun.get(`/api/v1/templates/${own.id}`)).statusCode).toBe(200);
  });

  it('preview scores sample inputs and explains them, without saving anything', async () => {
    const jiaoyu = await t.login('jiaoyu'); // read-only role may preview
    const before = await t.app.repos.audit.list({ divisionCodes: null, offset: 0, limit: 1 });
    const r = await jiaoyu.post('/api/v1/templates/preview', {
      definition,
      fiscalYear: 2026,
      samples: [
        { label: '农安县', inputs: { 'A1.actual': 60, 'A2.actual': 2.5, 'B.level': 1, 'X1.count': 2 } },
        {
          label: '榆树市',
          inputs: { 'A1.actual': 80, 'A2.actual': 6, 'B.level': 0, 'B.score': 40, 'X1.count': 0 },
        },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.gradeScheme.code).toBe('jilin-5');
    const [a, b] = body.results;
    // A1 = 60/75×30 = 24; A2 = 10 + (2.5/5)×20 = 20; B = 0.6×40 = 24 (lower edge); X = −4
    expect(a.label).toBe('农安县');
    expect(a.explanation.total).toBeCloseTo(64, 6);
    expect(a.explanation.grade).toMatchObject({ label: '低' });
    expect(b.explanation.total).toBeCloseTo(100, 6);
    expect(b.explanation.grade.label).toBe('优');
    const a1 = a.explanation.nodes[0].children[0];
    expect(a1.computation.zh).toContain('60÷75×30');
    expect(a1.reasons[0].zh).toContain('低于年度指标值');
    const after = await t.app.repos.audit.list({ divisionCodes: null, offset: 0, limit: 1 });
    expect(after.total).toBe(before.total);

    const invalid = await jiaoyu.post('/api/v1/templates/preview', {
      definition: { maxScore: 100, nodes: [] },
      fiscalYear: 2026,
      samples: [{ inputs: {} }],
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().details.issues[0].code).toBe('EMPTY_TEMPLATE');
  });

  it('reads and writes need their permissions', async () => {
    const jiaoyu = await t.login('jiaoyu');
    expect((await jiaoyu.get('/api/v1/templates')).statusCode).toBe(200);
    const r = await jiaoyu.post('/api/v1/templates', {
      code: 'x',
      name: 'x',
      subjectKind: 'other',
      fiscalYear: 2026,
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('FORBIDDEN');
    const renda = await t.login('renda');
    const v = (await renda.get('/api/v1/templates')).json()[0].versions[0];
    expect(
      (await renda.post(`/api/v1/template-versions/${v.id}/publish`, { version: v.version })).statusCode,
    ).toBe(403);
  });
});
