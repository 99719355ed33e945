/**
 * Errors on /v1 keep the platform's one error type (QihuangError) and add the OpenAI `code` and `param`
 * fields; `toOpenAiError` shapes any thrown value as `{error:{message,type,code,param}}`.
 */
import { QihuangError, isQihuangError, type ErrorCode, type QihuangErrorOptions } from '@qihuang/contracts';

export class GatewayError extends QihuangError {
  /** The OpenAI-style `code` (e.g. `model_not_found`); defaults to the platform code. */
  readonly openAiCode: string;
  readonly param: string | null;

  constructor(
    code: ErrorCode,
    message: string,
    options: QihuangErrorOptions & { openAiCode?: string; param?: string } = {},
  ) {
    super(code, message, options);
    this.openAiCode = options.openAiCode ?? code;
    this.param = options.param ?? null;
  }
}

const TYPES: Partial<Record<ErrorCode, string>> = {
  'invalid-input': 'invalid_request_error',
  'too-large': 'invalid_request_error',
  'not-found': 'invalid_request_error',
  unauthenticated: 'authentication_error',
  forbidden: 'permission_error',
  'rate-limited': 'rate_limit_error',
  'model-not-configured': 'service_unavailable_error',
  unavailable: 'service_unavailable_error',
  'upstream-error': 'upstream_error',
};

export interface OpenAiErrorBody {
  error: { message: string; type: string; code: string | null; param: string | null };
}

export function toOpenAiError(error: unknown): {
  status: number;
  body: OpenAiErrorBody;
  headers: Record<string, string>;
} {
  if (error instanceof GatewayError || isQihuangError(error)) {
    const gatewayError = error instanceof GatewayError ? error : undefined;
    return {
      status: error.status,
      headers: error.headers,
      body: {
        error: {
          message: error.message,
          type: TYPES[error.code] ?? 'server_error',
          code: gatewayError?.openAiCode ?? error.code,
          param: gatewayError?.param ?? null,
        },
      },
    };
  }
  return {
    status: 500,
    headers: {},
    body: {
      error: { message: 'internal gateway error', type: 'server_error', code: 'internal', param: null },
    },
  };
}

export const modelNotConfigured = () =>
  new GatewayError(
    'model-not-configured',
    'No model is configured. Set QIHUANG_MODEL_BASE_URL (and QIHUANG_MODEL_NAME, QIHUANG_MODEL_API_KEY, ' +
      'QIHUANG_MODEL_LOCATION=on-premises|cloud) to an OpenAI-compatible server such as vLLM, SGLang, Ollama, ' +
      'llama.cpp or Xinference, or declare providers in the gateway config file (QIHUANG_GATEWAY_CONFIG) or ' +
      'through /admin/gateway/providers.',
  );
