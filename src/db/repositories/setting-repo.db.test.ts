import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/db.ts';
import { makeSettingRepo } from './setting-repo.ts';

const t = useTestDatabase({ reference: true });
const KEY = 'test.cut_ratio';

describe('region settings', () => {
  it('inherit downward: the nearest ancestor applies unless the division overrides', async () => {
    const repo = makeSettingRepo(t.db);
    expect(await repo.getEffective('220122', 2026, KEY)).toBeNull();

    expect((await repo.set({ mofDivCode: '220000', fiscalYear: 2026, key: KEY, value: 0.1 })).ok).toBe(true);
    expect(await repo.getEffective('220122', 2026, KEY)).toMatchObject({
      value: 0.1,
      fromMofDivCode: '220000',
      inherited: true,
    });
    // another year is another setting
    expect(await repo.getEffective('220122', 2025, KEY)).toBeNull();

    expect((await repo.set({ mofDivCode: '220100', fiscalYear: 2026, key: KEY, value: 0.15 })).ok).toBe(true);
    expect(await repo.getEffective('220122', 2026, KEY)).toMatchObject({
      value: 0.15,
      fromMofDivCode: '220100',
    });
    expect(await repo.getEffective('220100', 2026, KEY)).toMatchObject({ value: 0.15, inherited: false });
    expect(await repo.getEffective('220202', 2026, KEY)).toMatchObject({
      value: 0.1,
      fromMofDivCode: '220000',
    });

    expect(
      (await repo.set({ mofDivCode: '220122', fiscalYear: 2026, key: KEY, value: { ratio: 0.2 } })).ok,
    ).toBe(true);
    expect(await repo.getEffective('220122', 2026, KEY)).toMatchObject({
      value: { ratio: 0.2 },
      inherited: false,
    });

    const all = await repo.listEffective('220122', 2026);
    expect(all.get(KEY)?.value).toEqual({ ratio: 0.2 });
    expect(all.get('grading.scheme')).toMatchObject({ value: 'jilin-5', fromMofDivCode: '220000' });

    expect(await repo.remove('220122', 2026, KEY)).toBe(true);
    expect(await repo.getEffective('220122', 2026, KEY)).toMatchObject({
      value: 0.15,
      fromMofDivCode: '220100',
    });
  });

  it('a value locked above wins and cannot be overridden below', async () => {
    const repo = makeSettingRepo(t.db);
    const key = 'test.locked';
    await repo.set({ mofDivCode: '220100', fiscalYear: 2026, key, value: 'city' });
    await repo.set({ mofDivCode: '220000', fiscalYear: 2026, key, value: 'province', locked: true });
    expect(await repo.getEffective('220122', 2026, key)).toMatchObject({
      value: 'province',
      fromMofDivCode: '220000',
      locked: true,
    });
    const refused = await repo.set({ mofDivCode: '220122', fiscalYear: 2026, key, value: 'county' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');
    expect(await repo.getEffective('220000', 2026, key)).toMatchObject({ value: 'province', locked: false });
  });

  it('refuses a stale update (optimistic locking)', async () => {
    const repo = makeSettingRepo(t.db);
    const key = 'test.versioned';
    const created = await repo.set({ mofDivCode: '220200', fiscalYear: 2026, key, value: 1 });
    if (!created.ok) throw new Error('set failed');
    expect(created.value.version).toBe(1);
    const updated = await repo.set({
      mofDivCode: '220200',
      fiscalYear: 2026,
      key,
      value: 2,
      expectedVersion: 1,
    });
    expect(updated.ok && updated.value.version).toBe(2);
    const stale = await repo.set({
      mofDivCode: '220200',
      fiscalYear: 2026,
      key,
      value: 3,
      expectedVersion: 1,
    });
    expect(!stale.ok && stale.error.code).toBe('VERSION_CONFLICT');
    expect((await repo.getEffective('220200', 2026, key))?.value).toBe(2);
  });
});
