import type { DivisionPort, DivisionRecord } from '../core/access/ports.ts';
import { inDivisionScope, requirePermission, type Actor } from '../core/access/scope.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';

export interface DivisionTreeNode {
  readonly code: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly level: string;
  readonly parentCode: string | null;
  readonly codeKind: string;
  readonly children: DivisionTreeNode[];
}

/** The division tree (行政区划), cut to what the user may see. */
export function makeDivisionService(deps: { ports: { divisions: DivisionPort } }) {
  const { divisions } = deps.ports;
  let cache: { rows: DivisionRecord[]; at: number } | null = null;
  async function all(): Promise<DivisionRecord[]> {
    if (cache && Date.now() - cache.at < 60_000) return cache.rows;
    cache = { rows: await divisions.listAll(), at: Date.now() };
    return cache.rows;
  }

  return {
    async list(actor: Actor): Promise<DivisionRecord[]> {
      return (await all()).filter((d) => inDivisionScope(actor, d.code));
    },

    async get(code: string): Promise<DivisionRecord | null> {
      return (await all()).find((d) => d.code === code) ?? null;
    },

    async tree(actor: Actor, root?: string): Promise<Result<DivisionTreeNode, DomainError>> {
      const allowed = requirePermission(actor, 'divisions.read');
      if (!allowed.ok) return allowed;
      const code = root ?? actor.divisionCode;
      if (!inDivisionScope(actor, code)) return err(domainError('OUT_OF_SCOPE', { division: code }));
      const rows = await all();
      const nodes = new Map<string, DivisionTreeNode>();
      for (const d of rows) {
        nodes.set(d.code, {
          code: d.code,
          name: d.name,
          shortName: d.shortName,
          level: d.level,
          parentCode: d.parentCode,
          codeKind: d.codeKind,
          children: [],
        });
      }
      for (const d of rows) {
        if (d.parentCode) nodes.get(d.parentCode)?.children.push(nodes.get(d.code)!);
      }
      const node = nodes.get(code);
      if (!node) return err(domainError('NOT_FOUND', { division: code }));
      return ok(node);
    },
  };
}

export type DivisionService = ReturnType<typeof makeDivisionService>;
