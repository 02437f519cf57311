import { z } from 'zod';

export const Division = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  level: z.string(),
  parentCode: z.string().nullable(),
  codeKind: z.string(),
});
export type Division = z.infer<typeof Division>;

export type DivisionNode = Division & { children: DivisionNode[] };
export const DivisionNode: z.ZodType<DivisionNode> = Division.extend({
  children: z.array(z.lazy(() => DivisionNode)),
});
