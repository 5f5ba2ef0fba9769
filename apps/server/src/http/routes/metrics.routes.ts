import type { FastifyInstance } from 'fastify';
import { safeEqual } from '../../crypto';
import { AppError } from '../../errors/app-error';
import type { Metrics } from '../../services/metrics';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Prometheus scrape endpoint. When `CHATSTUDIO_METRICS_TOKEN` is set, scrapers must send it as a
 * Bearer token; when it is not, only loopback (127.0.0.1, ::1) may scrape.
 */
export function metricsRoutes(app: FastifyInstance, metrics: Metrics, token: string | undefined): void {
  app.get('/metrics', { config: { access: 'public' } }, async (request, reply) => {
    // With a token configured it is always required (behind a local reverse proxy every request
    // comes from loopback); without one, only loopback may scrape.
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const allowed = token
      ? bearer !== undefined && safeEqual(bearer, token)
      : loopback.has(request.socket.remoteAddress ?? '');
    if (!allowed) {
      throw new AppError('forbidden', 'metrics are served to loopback, or with the metrics token');
    }
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(await metrics.text());
  });
}
