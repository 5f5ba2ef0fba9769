import type { FastifyInstance } from 'fastify';
import { safeEqual } from '../../crypto';
import { AppError } from '../../errors/app-error';
import type { Metrics } from '../../services/metrics';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Prometheus scrape endpoint. Open to loopback (a sidecar or node exporter on the same box);
 * anything else must send `Authorization: Bearer $CHATSTUDIO_METRICS_TOKEN`.
 */
export function metricsRoutes(app: FastifyInstance, metrics: Metrics, token: string | undefined): void {
  app.get('/metrics', { config: { access: 'public' } }, async (request, reply) => {
    const fromLoopback = loopback.has(request.socket.remoteAddress ?? '');
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!fromLoopback && !(token && bearer && safeEqual(bearer, token))) {
      throw new AppError('forbidden', 'metrics are served to loopback, or with the metrics token');
    }
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(await metrics.text());
  });
}
