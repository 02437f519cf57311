import { z } from 'zod';
import { DivisionCode, ErrorBody } from '../../contracts/common.ts';
import { Division, DivisionNode } from '../../contracts/divisions.ts';
import type { Services } from '../../services/index.ts';
import { fail } from '../reply.ts';
import type { Api } from '../types.ts';

/** 行政区划: the divisions a user may see, as a list or a tree. */
export function divisionRoutes(app: Api, services: Services): void {
  app.get(
    '/api/v1/divisions',
    {
      config: { permission: 'divisions.read', readCache: true },
      schema: {
        tags: ['divisions'],
        summary: '区划列表 / divisions in scope',
        response: { 200: z.array(Division) },
      },
    },
    async (request) =>
      (await services.divisions.list(request.actor!)).map((d) => ({
        code: d.code,
        name: d.name,
        shortName: d.shortName,
        level: d.level,
        parentCode: d.parentCode,
        codeKind: d.codeKind,
      })),
  );

  app.get(
    '/api/v1/divisions/tree',
    {
      config: { permission: 'divisions.read', readCache: true },
      schema: {
        tags: ['divisions'],
        summary: '区划树 / division tree',
        querystring: z.object({ root: DivisionCode.optional() }),
        response: { 200: DivisionNode, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const r = await services.divisions.tree(request.actor!, request.query.root);
      return r.ok ? r.value : fail(reply, r.error);
    },
  );
}
