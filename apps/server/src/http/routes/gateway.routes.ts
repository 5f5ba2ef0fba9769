import type { FastifyInstance } from 'fastify';
import { collectToolCalls, type GatewayService } from '../../services/gateway.service';
import { gatewayRequestSchema } from '../../services/gateway-request';
import { principalOf } from '../authenticate';
import { chunk, completionBody, openAiError, openAiFinishReason, usageChunk } from '../openai-format';
import { parse } from '../validate';

/**
 * `/v1/models` and `/v1/chat/completions` for existing OpenAI-SDK tools. Errors use OpenAI's
 * shape (the error handler switches on the `/v1/` prefix). A client that disconnects aborts the
 * upstream call; an upstream cut mid-stream ends with an error chunk and no `[DONE]`, so the
 * client can never mistake it for a complete answer.
 */
export function gatewayRoutes(app: FastifyInstance, gateway: GatewayService): void {
  app.get('/v1/models', { config: { access: 'user' } }, async (request) => gateway.models(principalOf(request)));

  app.post('/v1/chat/completions', { config: { access: 'user' } }, async (request, reply) => {
    const principal = principalOf(request);
    const body = parse(gatewayRequestSchema, request.body);
    const task = request.headers['x-chatstudio-task'];
    const prepared = await gateway.prepare(principal, body, typeof task === 'string' ? task : undefined);
    const controller = new AbortController();
    const raw = reply.raw;
    const onClose = () => {
      if (!raw.writableFinished) controller.abort('client_closed');
    };
    raw.on('close', onClose);
    const meta = {
      'x-request-id': request.id,
      'x-chatstudio-model': prepared.publicModel,
      'x-chatstudio-key-scope': prepared.call.access.keyScope,
      'x-chatstudio-resolved-by': prepared.call.resolvedBy,
    };
    try {
      if (!body.stream) {
        let text = '';
        const tools = collectToolCalls();
        const result = await gateway.run(prepared, controller.signal, {
          onText: (delta) => (text += delta),
          onToolCall: (part) => tools.add(part),
        });
        if (result.error) return reply.headers(meta).status(result.error.status).send(openAiError(result.error));
        return reply.headers(meta).send(
          completionBody(prepared, {
            text,
            toolCalls: tools.calls(),
            finishReason: result.finishReason,
            usage: result.usage,
          }),
        );
      }

      void reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        ...meta,
      });
      raw.socket?.setNoDelay(true);
      const includeUsage = body.stream_options?.include_usage === true;
      const send = (data: unknown) => {
        if (!raw.writableEnded && !raw.destroyed) raw.write(`data: ${JSON.stringify(data)}\n\n`);
      };
      send(chunk(prepared, { role: 'assistant', content: '' }, null, includeUsage));
      const result = await gateway.run(prepared, controller.signal, {
        onText: (delta) => send(chunk(prepared, { content: delta }, null, includeUsage)),
        onToolCall: (part) =>
          send(
            chunk(
              prepared,
              {
                tool_calls: [
                  {
                    index: part.index,
                    ...(part.id ? { id: part.id, type: 'function' } : {}),
                    function: { ...(part.name ? { name: part.name } : {}), arguments: part.argumentsDelta },
                  },
                ],
              },
              null,
              includeUsage,
            ),
          ),
      });
      if (result.error) {
        send(openAiError(result.error));
      } else {
        send(chunk(prepared, {}, openAiFinishReason(result.finishReason), includeUsage));
        if (includeUsage) send(usageChunk(prepared, result.usage));
        if (!raw.writableEnded) raw.write('data: [DONE]\n\n');
      }
      raw.end();
      return reply;
    } finally {
      raw.off('close', onClose);
    }
  });
}
