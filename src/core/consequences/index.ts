export * from './rules.ts';
export * from './propose.ts';
export * from './decision-machine.ts';
