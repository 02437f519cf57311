import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/db.ts';
import { organizations } from '../schema.ts';
import { inDivisionSubtree } from '../scope.ts';
import { makeDivisionRepo } from './division-repo.ts';

const t = useTestDatabase({ reference: true });

const CHANGCHUN_SUBTREE = [
  '220100',
  '220102',
  '220103',
  '220104',
  '220105',
  '220106',
  '220112',
  '220113',
  '220122',
  '220171',
  '220172',
  '220173',
  '220174',
  '220182',
  '220183',
  '220184',
];

describe('division scoping', () => {
  it('长春市 sees its districts, counties and zones; 农安县 only itself; the province everything', async () => {
    const repo = makeDivisionRepo(t.db);
    expect((await repo.subtreeCodes('220100')).sort()).toEqual(CHANGCHUN_SUBTREE);
    expect(await repo.subtreeCodes('220122')).toEqual(['220122']);
    const province = await repo.subtreeCodes('220000');
    expect(province).toHaveLength(await repo.count());
    expect(province).toContain('229903');
    expect(await repo.subtreeCodes('999999')).toEqual([]);
  });

  it('knows ancestors, children and containment', async () => {
    const repo = makeDivisionRepo(t.db);
    expect(await repo.ancestorCodes('220122')).toEqual(['220000', '220100', '220122']);
    expect(await repo.ancestorCodes('229902')).toEqual(['220000', '229900', '229902']);
    expect(await repo.isWithin('220122', '220100')).toBe(true);
    expect(await repo.isWithin('220122', '220000')).toBe(true);
    expect(await repo.isWithin('220100', '220122')).toBe(false);
    expect(await repo.isWithin('220202', '220100')).toBe(false);
    const prefectures = await repo.listChildren('220000');
    expect(prefectures.map((d) => d.code)).toEqual([
      '220100',
      '220200',
      '220300',
      '220400',
      '220500',
      '220600',
      '220700',
      '220800',
      '222400',
      '229900',
    ]);
  });

  it('scopes a business query with inDivisionSubtree', async () => {
    await t.db.insert(organizations).values(
      ['220000', '220100', '220122', '220184', '220200', '229901'].map((code) => ({
        mofDivCode: code,
        kind: 'finance_bureau' as const,
        code: 'CZ',
        name: `财政局 ${code}`,
      })),
    );
    const scoped = async (scope: string) =>
      (
        await t.db
          .select({ code: organizations.mofDivCode })
          .from(organizations)
          .where(
            and(eq(organizations.kind, 'finance_bureau'), inDivisionSubtree(organizations.mofDivCode, scope)),
          )
          .orderBy(organizations.mofDivCode)
      ).map((r) => r.code);
    expect(await scoped('220100')).toEqual(['220100', '220122', '220184']);
    expect(await scoped('220122')).toEqual(['220122']);
    expect(await scoped('220000')).toEqual(['220000', '220100', '220122', '220184', '220200', '229901']);
    expect(await scoped('229900')).toEqual(['229901']);
    const [n] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(organizations)
      .where(inDivisionSubtree(organizations.mofDivCode, 'nope'));
    expect(n!.n).toBe(0);
  });
});
