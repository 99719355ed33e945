/**
 * The OpenAI-compatible API, mounted by the server at /v1: chat completions (streaming and not),
 * embeddings, models. Thin: authenticate, read headers, call the handler, shape errors.
 */
import { Hono, type Context } from 'hono';
import { errorResponse as answerError } from '@qihuang/http-edge';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { handleChatCompletion } from '../handlers/chat-completions.ts';
import { handleEmbeddings } from '../handlers/embeddings.ts';
import type { GatewayCall, GatewayResult } from '../handlers/gateway-call.ts';
import { listModels } from '../handlers/list-models.ts';
import type { Principal } from '../governance/gateway-auth.ts';
import type { GatewayRuntime } from '../runtime/gateway-runtime.ts';
import { GatewayError, toOpenAiError } from './gateway-error.ts';
import { bearerOf, gatewayCallOf, jsonBody } from './request-context.ts';

export interface GatewayRoutesDeps {
  /** Created once with `createGatewayRuntime(...)`; share it with `createGatewayAdminRoutes`. */
  runtime: GatewayRuntime;
}

type Env = { Variables: { principal: Principal } };

function respond(result: GatewayResult): Response {
  return 'stream' in result
    ? new Response(result.stream, { status: result.status, headers: result.headers })
    : new Response(result.body, { status: result.status, headers: result.headers });
}

/** The OpenAI error object for any thrown value (shaped by toOpenAiError, answered by the HTTP-edge kit). */
export const errorResponse = (error: unknown): Response => answerError(toOpenAiError(error));

export function createGatewayRoutes({ runtime }: GatewayRoutesDeps): Hono<Env> {
  const app = new Hono<Env>();
  app.onError((error) => errorResponse(error));
  app.notFound((c) =>
    errorResponse(
      new GatewayError('not-found', `no route ${c.req.method} ${c.req.path}`, { openAiCode: 'unknown_url' }),
    ),
  );

  app.use('*', async function authenticate(c, next) {
    const principal = await runtime.auth.authenticate(bearerOf(c));
    if (!principal) {
      throw new GatewayError('unauthenticated', 'missing or invalid API key (Authorization: Bearer <key>)', {
        openAiCode: 'invalid_api_key',
      });
    }
    c.set('principal', principal);
    await next();
  });

  const modelCall = (handler: (runtime: GatewayRuntime, call: GatewayCall) => Promise<GatewayResult>) =>
    async function handle(c: Context<Env>) {
      const body = await jsonBody(c);
      return respond(
        await handler(runtime, gatewayCallOf(c, c.get('principal'), body, runtime.newRequestId)),
      );
    };

  app.post('/chat/completions', modelCall(handleChatCompletion));
  app.post('/embeddings', modelCall(handleEmbeddings));
  app.get('/models', (c) => c.json(listModels(runtime, c.get('principal'))));
  app.get('/models/:id', (c) => {
    const model = listModels(runtime, c.get('principal')).data.find((m) => m.id === c.req.param('id'));
    if (!model) {
      throw new GatewayError(
        'not-found',
        `The model \`${c.req.param('id')}\` does not exist or you do not have access to it.`,
        {
          openAiCode: 'model_not_found',
          param: 'model',
        },
      );
    }
    return c.json(model, 200 as ContentfulStatusCode);
  });
  return app;
}
