/**
 * "No input whatsoever produces a 5xx" (issue 3 §1): every registered route, called by a signed-in
 * administrator with generated junk — path parameters, query strings, JSON and non-JSON bodies — must answer
 * with a status below 500 and the error body format.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../api.ts';

const t = useTestApi();

const junkText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    'null',
    'true',
    '%',
    '../../etc',
    '220000',
    '2026',
    "'; drop table users; --",
  ),
  fc.uuid(),
);
const junkJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 }));

function fillPath(url: string, values: string[]): string {
  let i = 0;
  return url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(values[i++ % values.length] ?? 'x'));
}

describe('no input produces a 5xx', () => {
  it('holds for every route with generated parameters, queries and bodies', async () => {
    const s = await t.login('admin');
    const routes = t.api.routeTable.filter((r) => !(r.method === 'DELETE' && r.url === '/api/v1/session'));
    expect(routes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(junkText, { minLength: 1, maxLength: 3 }),
        fc.dictionary(
          fc.constantFrom(
            'page',
            'pageSize',
            'year',
            'division',
            'q',
            'sort',
            'order',
            'id',
            'from',
            'to',
            'grade',
            'findings',
            'root',
            'format',
          ),
          junkText,
          { maxKeys: 4 },
        ),
        fc.oneof(
          junkJson.map((v) => ({ json: v })),
          junkText.map((v) => ({ raw: v })),
        ),
        async (route, params, query, body) => {
          const qs = new URLSearchParams(query).toString();
          const url = `${fillPath(route.url, params)}${qs ? `?${qs}` : ''}`;
          const headers: Record<string, string> = { cookie: s.cookie, 'x-csrf-token': s.csrf };
          const res = await t.api.inject({
            method: route.method as 'GET',
            url,
            headers:
              'json' in body
                ? { ...headers, 'content-type': 'application/json' }
                : { ...headers, 'content-type': 'text/plain' },
            ...(route.method === 'GET'
              ? {}
              : { payload: 'json' in body ? JSON.stringify(body.json) : body.raw }),
          });
          if (res.statusCode >= 500)
            failures.push(`${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400) {
            const b = res.json() as { code?: unknown; message?: unknown; messageEn?: unknown };
            if (
              typeof b.code !== 'string' ||
              typeof b.message !== 'string' ||
              typeof b.messageEn !== 'string'
            ) {
              failures.push(
                `${route.method} ${url} → ${res.statusCode} without the error body: ${res.body.slice(0, 200)}`,
              );
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
    expect(failures).toEqual([]);
  }, 300_000);
});
