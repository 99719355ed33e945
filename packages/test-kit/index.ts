export * from './database.ts';
export * from './scripted-upstream.ts';
export * from './data-dir/index.ts';
