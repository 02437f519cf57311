import { describe, expect, it } from 'vitest';
import { resolveScope, safeNextPath, withScope } from './scope-core.ts';

const own = { code: '220100', name: '长春市' };
const allowed = [own, { code: '220122', name: '农安县' }];

describe('resolveScope', () => {
  it('takes division and year from the URL when the user may see them', () => {
    expect(resolveScope({ division: '220122', year: '2025' }, allowed, own, [2026, 2025])).toEqual({
      divisionCode: '220122',
      divisionName: '农安县',
      fiscalYear: 2025,
      corrected: false,
    });
  });

  it("falls back to the user's own division and the latest year", () => {
    expect(resolveScope({ division: null, year: null }, allowed, own, [2026, 2025])).toMatchObject({
      divisionCode: '220100',
      fiscalYear: 2026,
      corrected: true,
    });
    expect(resolveScope({ division: '220000', year: '1999' }, allowed, own, [2026, 2025])).toMatchObject({
      divisionCode: '220100',
      fiscalYear: 2026,
      corrected: true,
    });
  });
});

describe('withScope', () => {
  const scope = { divisionCode: '220100', fiscalYear: 2026 };
  it('adds division and year to in-app links that lack them', () => {
    expect(withScope('/projects', scope)).toBe('/projects?division=220100&year=2026');
    expect(withScope('/projects?status=draft#top', scope)).toBe(
      '/projects?status=draft&division=220100&year=2026#top',
    );
    expect(withScope('/projects?year=2025', scope)).toBe('/projects?year=2025&division=220100');
  });
  it('leaves API paths and other sites alone', () => {
    expect(withScope('/api/v1/x', scope)).toBe('/api/v1/x');
    expect(withScope('https://czt.jl.gov.cn/', scope)).toBe('https://czt.jl.gov.cn/');
    expect(withScope('//evil.example/', scope)).toBe('//evil.example/');
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/system/divisions?division=220100', '/system/divisions?division=220100'],
    [null, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/login?next=/x', '/'],
  ])('%s → %s', (next, path) => {
    expect(safeNextPath(next)).toBe(path);
  });
});
