import type { ErrorBody } from '@chatstudio/contract';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError } from '../errors/app-error';
import { openAiError } from './openai-format';

/** Maps any thrown error to the wire in exactly one place (spec §6). Stacks go to the log only. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const first = issues[0];
    return new AppError('bad_request', first ? `${first.path || 'body'}: ${first.message}` : 'invalid request', {
      details: { issues },
    });
  }
  if (isFastifyError(error)) {
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return new AppError('payload_too_large', 'request body is too large');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return new AppError('bad_request', 'request body is not valid JSON');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return new AppError('bad_request', 'send the request body as application/json');
      default:
        if (error.statusCode === 400) return new AppError('bad_request', 'request body is not valid JSON');
        if (error.statusCode === 413) return new AppError('payload_too_large', 'request body is too large');
    }
  }
  return new AppError('internal', 'something went wrong on our side', { cause: error });
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).code === 'string';
}

export function errorBody(error: AppError, requestId?: string): ErrorBody {
  return {
    error: {
      ...(error.details ?? {}),
      code: error.code,
      message: error.message,
      ...(error.code === 'internal' && requestId ? { requestId } : {}),
    },
  };
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error);
  if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
  else request.log.info({ code: appError.code }, 'request refused');
  void reply
    .status(appError.status)
    .send(isGatewayPath(request.url) ? openAiError(appError) : errorBody(appError, request.id));
}

/** The OpenAI-compatible gateway answers errors in OpenAI's shape. */
export function isGatewayPath(url: string): boolean {
  return url.startsWith('/v1/');
}
