export * from './database.ts';
export * from './scripted-upstream.ts';
