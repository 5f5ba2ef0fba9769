import { createConversationSchema, sendMessageSchema, updateConversationSchema } from '@chatstudio/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ChatService } from '../../services/chat.service';
import type { ConversationService } from '../../services/conversation.service';
import { principalOf } from '../authenticate';
import { openSse } from '../sse';
import { parse } from '../validate';
import { idParams } from './params';

const stopParams = z.object({ id: z.string().min(1).max(100), messageId: z.string().min(1).max(100) });

export function conversationRoutes(
  app: FastifyInstance,
  services: { conversations: ConversationService; chat: ChatService },
): void {
  const { conversations, chat } = services;

  app.get('/api/conversations', { config: { access: 'user' } }, async (request) => ({
    conversations: await conversations.list(principalOf(request)),
  }));

  app.post('/api/conversations', { config: { access: 'user' } }, async (request, reply) => {
    const { title } = parse(createConversationSchema, request.body);
    return reply.status(201).send(await conversations.create(principalOf(request), title));
  });

  app.get('/api/conversations/:id', { config: { access: 'user' } }, async (request) =>
    conversations.get(principalOf(request), parse(idParams, request.params).id),
  );

  app.patch('/api/conversations/:id', { config: { access: 'user' } }, async (request) => {
    const principal = principalOf(request);
    const { id } = parse(idParams, request.params);
    const conversation = await conversations.require(principal, id);
    return conversations.rename(principal, conversation, parse(updateConversationSchema, request.body).title);
  });

  app.delete('/api/conversations/:id', { config: { access: 'user' } }, async (request, reply) => {
    await conversations.remove(principalOf(request), parse(idParams, request.params).id);
    return reply.status(204).send();
  });

  app.post('/api/conversations/:id/messages', { config: { access: 'user' } }, async (request, reply) => {
    const principal = principalOf(request);
    const { id } = parse(idParams, request.params);
    // Ownership first: someone else's conversation is 404 whatever the body says.
    const conversation = await conversations.require(principal, id);
    const turn = await chat.prepare(principal, conversation, parse(sendMessageSchema, request.body));
    // From here on the response is a stream: errors become `error` events, not status codes.
    void reply.hijack();
    const raw = reply.raw;
    const onClose = () => {
      if (!raw.writableFinished) turn.controller.abort('client_closed');
    };
    raw.on('close', onClose);
    const sink = openSse(raw, request.id);
    const startedAt = Date.now();
    try {
      await chat.run(turn, sink);
    } finally {
      raw.off('close', onClose);
      if (!raw.writableEnded) raw.end();
      request.log.info(
        { method: 'POST', url: request.routeOptions.url, status: 200, ms: Date.now() - startedAt, stream: true },
        'request',
      );
    }
  });

  app.post('/api/conversations/:id/messages/:messageId/stop', { config: { access: 'user' } }, async (request) => {
    const { id, messageId } = parse(stopParams, request.params);
    return chat.stop(principalOf(request), id, messageId);
  });
}
