/** The eval HTTP edge: its env type; errors and JSON bodies go through the shared kit (@qihuang/http-edge). */
import { errorHandler, readBody } from '@qihuang/http-edge';

export type EvalEnv = { Variables: { principal?: { username: string; role: string } } };

export const errorResponse = errorHandler(undefined, { label: 'eval route' });

/** The JSON body checked with a zod schema (400 invalid-input naming each field). */
export const body = readBody;
