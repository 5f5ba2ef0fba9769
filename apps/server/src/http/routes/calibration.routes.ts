import { calibrationOverrideSchema, taskIdSchema } from '@chatstudio/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors/app-error';
import type { CalibrationService } from '../../services/calibration.service';
import { principalOf } from '../authenticate';
import { parse } from '../validate';
import { parseProvider } from './provider.routes';

const taskParams = z.object({ task: z.string() });

/** An unknown task is a 400 (spec: "Unknown task → 400"), not a missing resource. */
export function parseTask(params: unknown) {
  const { task } = parse(taskParams, params);
  const parsed = taskIdSchema.safeParse(task);
  if (!parsed.success)
    throw new AppError(
      'bad_request',
      `task: unknown task "${task.slice(0, 40)}"; use one of ${taskIdSchema.options.join(', ')}`,
    );
  return parsed.data;
}

export function calibrationRoutes(app: FastifyInstance, calibration: CalibrationService): void {
  app.get('/api/providers/:provider/calibration', { config: { access: 'user' } }, async (request) =>
    calibration.view(principalOf(request), parseProvider(request.params)),
  );

  app.put('/api/providers/:provider/calibration/:task', { config: { access: 'user' } }, async (request) => {
    const principal = principalOf(request);
    const provider = parseProvider(request.params);
    const task = parseTask(request.params);
    const override = parse(calibrationOverrideSchema, request.body);
    const owner = {
      scope: 'user' as const,
      ownerId: principal.userId,
      orgId: principal.activeOrgId,
      actorId: principal.userId,
    };
    return { override: await calibration.save(principal, owner, provider, task, override) };
  });

  app.delete('/api/providers/:provider/calibration/:task', { config: { access: 'user' } }, async (request, reply) => {
    const principal = principalOf(request);
    const owner = {
      scope: 'user' as const,
      ownerId: principal.userId,
      orgId: principal.activeOrgId,
      actorId: principal.userId,
    };
    await calibration.remove(owner, parseProvider(request.params), parseTask(request.params));
    return reply.status(204).send();
  });
}
