import { describe, expect, it } from 'vitest';
import { readTableQuery, tableApiQuery, tableExportQuery, writeTableQuery } from './table-query.ts';

describe('table query in the URL', () => {
  it('reads defaults from an empty URL', () => {
    expect(readTableQuery(new URLSearchParams())).toEqual({
      page: 1,
      pageSize: 20,
      sort: undefined,
      order: 'asc',
      q: undefined,
      filters: {},
    });
  });

  it('round-trips paging, sorting, search and filters, and ignores bad numbers', () => {
    const params = new URLSearchParams(
      'division=220100&page=3&pageSize=50&sort=amountFen&order=desc&q=教育&f.status=draft,submitted',
    );
    const q = readTableQuery(params);
    expect(q).toEqual({
      page: 3,
      pageSize: 50,
      sort: 'amountFen',
      order: 'desc',
      q: '教育',
      filters: { status: ['draft', 'submitted'] },
    });
    const written = writeTableQuery(new URLSearchParams('division=220100'), q);
    expect(readTableQuery(written)).toEqual(q);
    expect(written.get('division')).toBe('220100');
    expect(readTableQuery(new URLSearchParams('page=-1&pageSize=99999')).page).toBe(1);
    expect(readTableQuery(new URLSearchParams('page=-1&pageSize=99999')).pageSize).toBe(20);
  });

  it('keeps two tables apart with a prefix and leaves defaults out of the URL', () => {
    const written = writeTableQuery(
      new URLSearchParams(),
      { page: 1, pageSize: 20, sort: undefined, order: 'asc', q: undefined, filters: {} },
      { prefix: 'a.' },
    );
    expect(written.toString()).toBe('');
    const p = new URLSearchParams('a.page=2&page=5');
    expect(readTableQuery(p, { prefix: 'a.' }).page).toBe(2);
  });

  it('sends PageQuery names and filters as repeated parameters to the API', () => {
    expect(
      tableApiQuery({
        page: 2,
        pageSize: 20,
        sort: 'name',
        order: 'desc',
        q: undefined,
        filters: { status: ['a', 'b'] },
      }),
    ).toEqual({ page: 2, pageSize: 20, sort: 'name', order: 'desc', status: ['a', 'b'] });
    expect(
      tableExportQuery({ page: 2, pageSize: 20, sort: 'name', order: 'desc', q: '教育', filters: {} }),
    ).toEqual({ sort: 'name', order: 'desc', q: '教育' });
  });
});
