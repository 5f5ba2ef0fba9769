import { connectKeyRequestSchema, providerIdSchema } from '@chatstudio/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors/app-error';
import type { CredentialService } from '../../services/credential.service';
import type { ModelCatalogService } from '../../services/model-catalog.service';
import type { ProviderService } from '../../services/provider.service';
import { principalOf } from '../authenticate';
import { parse } from '../validate';

const providerParams = z.object({ provider: z.string() }).transform(({ provider }, context) => {
  const parsed = providerIdSchema.safeParse(provider);
  if (parsed.success) return { provider: parsed.data };
  context.addIssue({ code: 'custom', message: 'unknown provider' });
  return z.NEVER;
});

/** Unknown providers are 404 (a resource that does not exist), not 400. */
export function parseProvider(params: unknown) {
  const parsed = providerParams.safeParse(params);
  if (!parsed.success) throw new AppError('not_found', 'provider not found');
  return parsed.data.provider;
}

const modelsQuery = z.object({ refresh: z.enum(['0', '1', 'true', 'false']).optional() });

export function providerRoutes(
  app: FastifyInstance,
  services: { providers: ProviderService; credentials: CredentialService; catalog: ModelCatalogService },
): void {
  app.get('/api/providers', { config: { access: 'user' } }, async (request) => ({
    providers: await services.providers.list(principalOf(request)),
  }));

  app.put('/api/providers/:provider/key', { config: { access: 'user' } }, async (request) => {
    const principal = principalOf(request);
    const provider = parseProvider(request.params);
    return services.credentials.connectPersonal(principal, provider, parse(connectKeyRequestSchema, request.body));
  });

  app.delete('/api/providers/:provider/key', { config: { access: 'user' } }, async (request, reply) => {
    const principal = principalOf(request);
    await services.credentials.removePersonal(principal, parseProvider(request.params));
    return reply.status(204).send();
  });

  app.get('/api/providers/:provider/models', { config: { access: 'user' } }, async (request) => {
    const provider = parseProvider(request.params);
    const { refresh } = parse(modelsQuery, request.query);
    return services.catalog.list(principalOf(request), provider, { refresh: refresh === '1' || refresh === 'true' });
  });
}
