export * from './rules.ts';
export * from './propose.ts';
