/**
 * The scorecard templates shipped in reference/templates/ (M2: T1, T2, T3, T10, T11, T12, T20): each
 * compiles with no issue for every year it is published for, says why its defaults are what they are, and
 * the demo draws every input of every leaf (so every subject's inputs are complete), spread over the grades.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TemplateDefinition } from '../../core/indicators/types.ts';
import {
  batchFromRecords,
  compileTemplate,
  gradeColumn,
  JILIN_FIVE_TIER,
  scoreBatch,
} from '../../core/scoring/index.ts';
import { missingInputs } from '../../core/scoring/inputs.ts';
import type { SUBJECT_KIND_FOR_TEMPLATE } from '../../core/scoring/subjects.ts';
import { REFERENCE_DIR, REFERENCE_TEMPLATE_FILES } from '../reference-seed.ts';
import { Rng } from './rng.ts';
import { DEMO_SCORECARDS, drawSubjectInputs, latentQualities, type SubjectContext } from './scorecards.ts';

interface TemplateFile {
  code: string;
  name: string;
  subjectKind: keyof typeof SUBJECT_KIND_FOR_TEMPLATE;
  description: string;
  versions: { fiscalYear: number; versionNo: number; changeNote?: string; definition?: TemplateDefinition }[];
  definition: TemplateDefinition;
}

const files: TemplateFile[] = REFERENCE_TEMPLATE_FILES.map(
  (f) => JSON.parse(readFileSync(join(REFERENCE_DIR, f), 'utf8')) as TemplateFile,
);
const scorecards = files.filter((f) => !f.subjectKind.startsWith('project'));

const CONTEXTS: Record<string, Omit<SubjectContext, 'year'>[]> = {
  departments: [{ name: '吉林省教育厅', level: 'department' }],
  divisions: [
    { name: '长春市', level: 'prefecture' },
    { name: '农安县', level: 'county' },
    { name: '池北区', level: 'district', noStateCapital: true },
  ],
  finance_divisions: [
    { name: '吉林省财政厅教科文处', level: 'finance_division' },
    { name: '吉林省财政厅办公室', level: 'finance_division', noSectors: true },
  ],
  funds: [{ name: '吉林省产业投资引导基金·汽车产业子基金', level: 'fund' }],
  asset_classes: (['admin', 'enterprise', 'natural'] as const).map((assetClass) => ({
    name: `长春市${assetClass}`,
    level: 'asset' as const,
    assetClass,
    divisionName: '长春市',
  })),
  revenue_items: (['tax', 'nontax', 'land'] as const).map((revenueKind) => ({
    name: `吉林省${revenueKind}`,
    level: 'revenue' as const,
    revenueKind,
    divisionName: '吉林省',
  })),
};

describe('shipped scorecard templates', () => {
  it('are the seven scorecards of M2, each filled in by the demo', () => {
    expect(scorecards.map((f) => f.subjectKind).sort()).toEqual(
      [
        'county_fiscal',
        'department_budget',
        'finance_division',
        'frugality',
        'investment_fund',
        'revenue',
        'state_assets',
      ].sort(),
    );
    expect(DEMO_SCORECARDS.map((c) => c.code).sort()).toEqual(scorecards.map((f) => f.code).sort());
  });

  const cases = scorecards.flatMap((f) =>
    f.versions.map((v) => [f.code, v.fiscalYear, v.definition ?? f.definition] as const),
  );

  it.each(cases)(
    '%s %i compiles with no issue, with English names and a standard on every node',
    (code, _y, def) => {
      const compiled = compileTemplate(def);
      if (!compiled.ok) throw new Error(`${code}: ${compiled.error.map((e) => e.message).join('; ')}`);
      expect(compiled.value.maxScore).toBe(100);
      for (const node of compiled.value.nodes) {
        expect(node.nameEn, node.path).toBeTruthy();
        if (node.source.type === 'leaf')
          expect(node.source.standard?.length ?? 0, node.path).toBeGreaterThan(10);
      }
    },
  );

  it.each(scorecards.map((f) => [f.code, f] as const))('%s says where its defaults come from', (_code, f) => {
    expect(f.description.length).toBeGreaterThan(200);
    expect(f.description).toMatch(/吉政发〔2025〕11号/);
    expect(f.description).toMatch(/默认|官方/);
    expect(f.versions.map((v) => v.fiscalYear)).toEqual([2025, 2026]);
  });

  it.each(cases)(
    '%s %i: the demo draws every input of every leaf for every kind of subject',
    (code, year, def) => {
      const card = DEMO_SCORECARDS.find((c) => c.code === code)!;
      const plan = compileTemplate(def);
      if (!plan.ok) throw new Error('does not compile');
      for (const ctx of CONTEXTS[card.subjects]!) {
        for (const q of [0.05, 0.5, 0.95]) {
          const drawn = drawSubjectInputs(card, def, { ...ctx, year }, q, Rng.of('t').fork(ctx.name));
          const stored = new Map(drawn.map((d) => [d.key, d.value]));
          expect(missingInputs(plan.value, stored), `${ctx.name} q=${q}`).toEqual([]);
          for (const d of drawn) {
            expect(d.evidenceNote, d.key).toBeTruthy();
            if (d.value !== null) expect(Number.isFinite(d.value), d.key).toBe(true);
          }
        }
      }
    },
  );

  it.each(cases)('%s %i: demo totals spread from 优 to 低 or 差', (code, year, def) => {
    const card = DEMO_SCORECARDS.find((c) => c.code === code)!;
    const plan = compileTemplate(def);
    if (!plan.ok) throw new Error('does not compile');
    const n = 60;
    const rng = Rng.of('spread').fork(code);
    const q = latentQualities(n, rng.fork('q'), card.qualityRange);
    const contexts = CONTEXTS[card.subjects]!;
    const records = q.map((x, i) =>
      Object.fromEntries(
        drawSubjectInputs(card, def, { ...contexts[i % contexts.length]!, year }, x, rng.fork(i)).map((d) => [
          d.key,
          d.value,
        ]),
      ),
    );
    const scored = scoreBatch(plan.value, batchFromRecords(plan.value, records));
    if (!scored.ok) throw new Error(scored.error.message);
    const labels = new Set(
      [...gradeColumn(JILIN_FIVE_TIER, scored.value.totals)].map((g) => JILIN_FIVE_TIER.bands[g]!.label),
    );
    expect(labels.has('优'), code).toBe(true);
    expect(labels.has('低') || labels.has('差'), code).toBe(true);
    expect(labels.size).toBeGreaterThanOrEqual(4);
  });
});
