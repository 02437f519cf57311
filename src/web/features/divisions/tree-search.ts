import type { DivisionNode } from '../../../contracts/divisions.ts';

/** Every division in the tree, depth first. */
export function flattenTree(root: DivisionNode): DivisionNode[] {
  const out: DivisionNode[] = [];
  const walk = (n: DivisionNode) => {
    out.push(n);
    n.children.forEach(walk);
  };
  walk(root);
  return out;
}

/**
 * Searching the tree by name, short name or code: the tree pruned to the matches and their ancestors, and
 * the codes to expand so that every match is visible. An empty search gives the whole tree.
 */
export function searchTree(
  root: DivisionNode,
  text: string,
): { tree: DivisionNode | null; matches: Set<string>; expand: string[] } {
  const q = text.trim().toLowerCase();
  if (q === '') return { tree: root, matches: new Set(), expand: [] };
  const matches = new Set<string>();
  const expand: string[] = [];
  const prune = (n: DivisionNode): DivisionNode | null => {
    const hit =
      n.name.toLowerCase().includes(q) ||
      (n.shortName ?? '').toLowerCase().includes(q) ||
      n.code.startsWith(q);
    if (hit) matches.add(n.code);
    const children = n.children.map(prune).filter((c): c is DivisionNode => c !== null);
    if (children.length > 0) expand.push(n.code);
    return hit || children.length > 0 ? { ...n, children } : null;
  };
  return { tree: prune(root), matches, expand };
}
