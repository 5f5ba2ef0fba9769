import type { FastifyInstance } from 'fastify';
import type { HealthService } from '../../services/health.service';

export function healthRoutes(app: FastifyInstance, health: HealthService): void {
  app.get('/api/health', { config: { access: 'public' } }, async (_request, reply) => {
    const report = await health.check();
    return reply.status(report.ok ? 200 : 503).send(report);
  });
}
