import { describe, expect, it } from 'vitest';
import { diffAudit, sameValue } from './audit-diff.ts';

describe('diffAudit', () => {
  it('lists the changed fields with Chinese labels and keeps bookkeeping apart', () => {
    const d = diffAudit(
      { displayName: '张三', roles: ['expert'], status: 'active', version: 1, updatedAt: 'a' },
      { displayName: '张三丰', roles: ['expert'], status: 'disabled', version: 2, updatedAt: 'b' },
    );
    expect(d.kind).toBe('update');
    expect(d.changed.map((r) => [r.field, r.label?.zh])).toEqual([
      ['displayName', '姓名'],
      ['status', '状态'],
    ]);
    expect(d.rest.map((r) => r.field)).toEqual(['roles', 'version', 'updatedAt']);
    expect(d.rest.find((r) => r.field === 'version')?.changed).toBe(true);
  });

  it('shows a creation as its filled fields, a deletion as what was there', () => {
    const created = diffAudit(null, { name: '教育局', code: null });
    expect(created.kind).toBe('create');
    expect(created.changed.map((r) => r.field)).toEqual(['name']);
    expect(created.rest.map((r) => r.field)).toEqual(['code']);
    expect(diffAudit({ name: 'x' }, null).kind).toBe('delete');
  });

  it('handles events without content and plain values', () => {
    expect(diffAudit(null, null)).toEqual({ kind: 'none', changed: [], rest: [] });
    const v = diffAudit('a', 'b');
    expect(v.kind).toBe('value');
    expect(v.changed).toHaveLength(1);
  });

  it('compares nested values by structure', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
  });
});
