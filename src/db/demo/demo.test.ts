import { describe, expect, it } from 'vitest';
import { checkSelfEvaluation } from '../../core/selfeval/check-self-evaluation.ts';
import { parseValue } from '../../core/selfeval/parse-value.ts';
import { ARCHETYPES, COMMON_INDICATORS, parseIndicator } from './project-catalog.ts';
import { apportion } from './projects.ts';
import { Rng } from './rng.ts';
import { latentQualities } from './scorecards.ts';
import { drawSelfEvaluationTable } from './selfeval-tables.ts';
import { creditCode } from './world.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('demo random streams', () => {
  it('repeat for the same label and differ between forks', () => {
    const a = Rng.of('x');
    const b = Rng.of('x');
    expect(Array.from({ length: 5 }, () => a.u32())).toEqual(Array.from({ length: 5 }, () => b.u32()));
    expect(Rng.of('x').fork(1).u32()).not.toBe(Rng.of('x').fork(2).u32());
    // a fork depends on the labels only, not on what the parent drew before
    const c = Rng.of('x');
    c.u32();
    expect(c.fork('p').u32()).toBe(Rng.of('x').fork('p').u32());
  });

  it('draw valid, distinct v4 UUIDs', () => {
    const seen = new Set<string>();
    let invalid = 0;
    for (let f = 0; f < 100; f++) {
      const r = Rng.of('ids').fork(f);
      for (let i = 0; i < 1000; i++) {
        const id = r.uuid();
        if (!UUID_V4.test(id)) invalid++;
        seen.add(id);
      }
    }
    expect(invalid).toBe(0);
    expect(seen.size).toBe(100_000);
  });

  it('apportion splits exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(150, [0.3, 0.2, 0.5]).reduce((s, x) => s + x, 0)).toBe(150);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it('make unified social credit codes with valid check characters', () => {
    const code = creditCode('220102', Rng.of('c'));
    expect(code).toMatch(/^91220102[0-9A-Z]{10}$/);
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = [...code.slice(0, 17)].reduce((s, c, i) => s + chars.indexOf(c) * weights[i]!, 0);
    expect(code[17]).toBe(chars[(31 - (sum % 31)) % 31]);
  });
});

describe('demo catalogue', () => {
  it('prints every indicator target as the checker reads it', () => {
    for (const spec of [...ARCHETYPES.flatMap((a) => a.indicators), ...COMMON_INDICATORS].map(
      parseIndicator,
    )) {
      const printed =
        spec.comparison === 'qualitative'
          ? spec.text
          : `${spec.comparison === '<=' ? '≤' : '≥'}${spec.lo}${spec.unit}`;
      const parsed = parseValue(printed);
      expect(parsed.status, `${spec.name}: ${printed}`).toBe(
        spec.comparison === 'qualitative' ? 'qualitative' : 'number',
      );
    }
  });
});

describe('demo scorecard templates', () => {
  // every shipped template's leaves and their generators: ./scorecards.test.ts
  it('spreads latent qualities over the whole range', () => {
    const q = latentQualities(100, Rng.of('q'), [0.2, 0.8]);
    expect(Math.min(...q)).toBeLessThan(0.25);
    expect(Math.max(...q)).toBeGreaterThan(0.75);
  });
});

describe('demo self-evaluation tables', () => {
  const draw = (i: number) => {
    const a = ARCHETYPES[i % ARCHETYPES.length]!;
    return drawSelfEvaluationTable(
      {
        projectName: a.name,
        department: '吉林省教育厅',
        implementingUnit: '吉林省教育厅本级',
        archetype: a,
        fiscalYear: 2025,
        amountFen: 1_234_500_000,
        performance: (i % 10) / 10,
      },
      Rng.of('t').fork(i),
    );
  };

  it('are deterministic', () => {
    expect(draw(3)).toEqual(draw(3));
  });

  it('carry the findings real tables do, and mostly clean rows', () => {
    const codes = new Map<string, number>();
    let printed = '';
    for (let i = 0; i < 600; i++) {
      const table = draw(i);
      printed += table.indicators.map((r) => r.target + r.actual).join('');
      for (const f of checkSelfEvaluation(table).findings) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
    }
    for (const code of [
      'SCORE_BELOW_FORMULA',
      'SCORE_ABOVE_FORMULA',
      'EXECUTION_RATE_LOW',
      'VALUE_UNPARSEABLE',
      'ACTUAL_PRINTED_WITH_SYMBOL',
      'TOTAL_MISMATCH',
      'WEIGHTS_NOT_100',
    ]) {
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
    for (const variant of ['≧', '＞＝', '≤', '不低于', '＝', '１']) expect(printed).toContain(variant);
  });
});
