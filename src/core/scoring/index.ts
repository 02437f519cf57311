export * from './rules.ts';
export * from './grades.ts';
export * from './formula.ts';
export * from './compile-template.ts';
export * from './score-batch.ts';
export * from './explain.ts';
export * from './batch-input.ts';
