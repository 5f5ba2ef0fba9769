import type { FastifyInstance } from 'fastify';
import { lastUsedSchema } from '@chatstudio/contract';
import { z } from 'zod';
import type { AuthService } from '../../services/auth.service';
import { principalOf } from '../authenticate';
import { parse } from '../validate';

const activeOrgSchema = z.object({ orgId: z.string().min(1).max(100) });

export function meRoutes(app: FastifyInstance, auth: AuthService): void {
  app.get('/api/me', { config: { access: 'authenticated' } }, async (request) => auth.me(principalOf(request)));

  app.put('/api/me/last-used', { config: { access: 'user' } }, async (request) => {
    const principal = principalOf(request);
    const { provider, model } = parse(lastUsedSchema, request.body);
    await auth.setLastUsed(principal, provider, model);
    return auth.me(principal);
  });

  app.put('/api/me/active-org', { config: { access: 'user' } }, async (request) => {
    const principal = principalOf(request);
    const { orgId } = parse(activeOrgSchema, request.body);
    await auth.setActiveOrg(principal, orgId);
    return auth.me({ ...principal, activeOrgId: orgId });
  });
}
