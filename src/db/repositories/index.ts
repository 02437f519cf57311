import type { Db } from '../client.ts';
import { makeDivisionRepo, type DivisionRepo } from './division-repo.ts';
import { makeReferenceRepo, type ReferenceRepo } from './reference-repo.ts';
import { makeSettingRepo, type SettingRepo } from './setting-repo.ts';
import { makeTemplateRepo, type TemplateRepo } from './template-repo.ts';

/** Every repository over one `Db` (or one transaction). Add new ones here. */
export interface Repositories {
  readonly divisions: DivisionRepo;
  readonly reference: ReferenceRepo;
  readonly settings: SettingRepo;
  readonly templates: TemplateRepo;
}

export function makeRepositories(db: Db): Repositories {
  return {
    divisions: makeDivisionRepo(db),
    reference: makeReferenceRepo(db),
    settings: makeSettingRepo(db),
    templates: makeTemplateRepo(db),
  };
}

export type { DivisionRepo, ReferenceRepo, SettingRepo, TemplateRepo };
