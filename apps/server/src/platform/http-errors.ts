import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  translate,
  type ApiErrorBody,
  type ErrorCode,
  type FieldIssue,
  type FieldIssueCode,
} from '@engawa/shared';
import { AppError } from './errors.ts';
import { isPrivateRoute } from './private-routes.ts';
import { localeFromHeader } from './i18n.ts';

function zodIssueCode(keyword: string, params: Record<string, unknown>, message: string): FieldIssueCode {
  if (keyword === 'too_big') return 'too_long';
  if (keyword === 'too_small')
    return (params.minimum === 1 || params.minimum === 1n) && params.origin === 'string'
      ? 'required'
      : 'too_short';
  if (keyword === 'invalid_format') return params.format === 'email' ? 'invalid_email' : 'invalid_format';
  if (keyword === 'invalid_type' && /undefined/.test(message)) return 'required';
  return 'invalid_value';
}

/** Turns schema validation output into field issues that name the field. */
function fieldsFromValidation(error: FastifyError): FieldIssue[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.map((v) => {
    const params = (v.params ?? {}) as Record<string, unknown>;
    const issue = (params.issue ?? params) as Record<string, unknown>;
    return {
      field:
        v.instancePath.replace(/^\//, '').replaceAll('/', '.') || String(error.validationContext ?? 'body'),
      code: zodIssueCode(v.keyword, issue, v.message ?? ''),
    };
  });
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  extra: Partial<ApiErrorBody['error']> & { vars?: Record<string, string | number> } = {},
) {
  const locale = request.actor?.locale ?? localeFromHeader(request.headers['accept-language']);
  const { vars, ...rest } = extra;
  const fields = rest.fields?.map((f) => ({
    ...f,
    message: f.message ?? translate(locale, `errors.field.${f.code}`),
  }));
  const body: ApiErrorBody = {
    error: {
      code,
      message: translate(locale, `errors.${code}`, vars),
      ...rest,
      ...(fields ? { fields } : {}),
    },
  };
  if (rest.retryAfterSeconds) reply.header('retry-after', String(rest.retryAfterSeconds));
  return reply.status(status).send(body);
}

/**
 * Every error leaves as `{ error: { code, message, fields? } }` in the caller's language. Unknown
 * errors are logged (message and stack only, never the request body) and answered as 500.
 */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return send(request, reply, error.status, error.code, {
        ...(error.fields ? { fields: error.fields } : {}),
        ...(error.vars ? { vars: error.vars } : {}),
        ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      });
    }
    if (error.validation) {
      return send(request, reply, 400, 'common.validation', { fields: fieldsFromValidation(error) });
    }
    if (error.statusCode === 429) return send(request, reply, 429, 'common.rate_limited');
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return send(request, reply, 413, 'common.payload_too_large');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(
        request,
        reply,
        error.statusCode,
        error.statusCode === 404 ? 'common.not_found' : 'common.validation',
      );
    }
    // In private areas a message or stack could quote decrypted text: log the error's class only.
    request.log.error(
      isPrivateRoute(request.routeOptions.url)
        ? { err: { name: error.name, code: error.code } }
        : { err: { message: error.message, stack: error.stack, code: error.code } },
      'unhandled error',
    );
    return send(request, reply, 500, 'common.internal');
  });
  app.setNotFoundHandler((request, reply) => send(request, reply, 404, 'common.not_found'));
}
