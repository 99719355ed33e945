export * from './collect-files.ts';
export * from './import-files.ts';
export * from './http-target.ts';
export * from './stable-ids.ts';
