export * from './outcome.ts';
export * from './compare.ts';
export * from './simulate.ts';
export * from './reweight.ts';
export * from './ports.ts';
