/**
 * The HTTP-edge kit every route family uses: error shaping and the `onError` handler (errors.ts), JSON body
 * reading with a zod schema (body.ts). Depends only on @qihuang/contracts, hono and zod (types).
 */
export {
  errorHandler,
  errorResponse,
  INTERNAL_MESSAGE,
  logFailure,
  platformError,
  type ErrorHandlerOptions,
  type ErrorShaper,
  type PlatformErrorBody,
  type ShapedError,
} from './errors.ts';
export {
  describeIssues,
  issuesOf,
  NOT_JSON,
  NOT_OBJECT,
  parseInput,
  readBody,
  readJson,
  type ReadJsonOptions,
} from './body.ts';
export { assertExactNumbers, decodeUtf8, exactNumber } from './body-text.ts';
