import { createTokenRequestSchema } from '@chatstudio/contract';
import type { FastifyInstance } from 'fastify';
import type { TokenService } from '../../services/token.service';
import { principalOf } from '../authenticate';
import { parse } from '../validate';
import { idParams } from './params';

export function tokenRoutes(app: FastifyInstance, tokens: TokenService): void {
  app.post('/api/tokens', { config: { access: 'session' } }, async (request, reply) => {
    const { name } = parse(createTokenRequestSchema, request.body);
    return reply.status(201).send(await tokens.create(principalOf(request), name));
  });

  app.get('/api/tokens', { config: { access: 'user' } }, async (request) => ({
    tokens: await tokens.list(principalOf(request)),
  }));

  app.delete('/api/tokens/:id', { config: { access: 'user' } }, async (request, reply) => {
    const { id } = parse(idParams, request.params);
    await tokens.revoke(principalOf(request), id);
    return reply.status(204).send();
  });
}
