/** OpenAPI 3.1 document for the non-FHIR endpoints; each mount contributes its own paths. */
export type OpenApiPaths = Record<string, Record<string, unknown>>;

export function openApiDocument(
  version: string,
  mounts: { path: string; openapi?: OpenApiPaths }[],
): Record<string, unknown> {
  const paths: OpenApiPaths = {
    '/healthz': {
      get: { summary: 'Liveness: the process answers', responses: { '200': { description: 'alive' } } },
    },
    '/readyz': {
      get: {
        summary: 'Readiness: the database answers',
        responses: { '200': { description: 'ready' }, '503': { description: 'database unavailable' } },
      },
    },
  };
  for (const mount of mounts) {
    for (const [path, item] of Object.entries(mount.openapi ?? {}))
      paths[`${mount.path === '/' ? '' : mount.path}${path === '/' ? '' : path}`] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Qihuang API',
      version,
      description: 'Non-FHIR endpoints of Qihuang. The FHIR R4 API is described by GET /fhir/R4/metadata.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
