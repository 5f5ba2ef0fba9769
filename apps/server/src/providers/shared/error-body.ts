import { isRecord, parseJson, readArray, readRecord, readString } from './json';

/** What we could read out of an upstream error payload. Every field is optional: bodies vary. */
export interface UpstreamErrorBody {
  message?: string;
  type?: string;
  code?: string;
}

/**
 * Reads any of the error shapes the five providers use (providers.md §0 and §3.4), so one parser
 * serves every adapter:
 * - `{"error":{message,type,code}}` (OpenAI, DashScope, Anthropic's envelope, Ollama `/v1`);
 * - `{"error":"text"}` (Ollama native);
 * - `{"object":"error",message,type,code}` and `{"message":…}` (Mistral);
 * - `{"detail":"…"}` or `{"detail":[{type,msg,…}]}` (Mistral validation / auth);
 * - `{"code":"InvalidApiKey","message":…}` (DashScope native).
 * Accepts either the raw body text or an already parsed value (mid-stream error payloads).
 */
export function parseErrorBody(body: unknown): UpstreamErrorBody {
  const value = typeof body === 'string' ? parseJson(body) : body;
  if (!isRecord(value)) {
    const text = typeof body === 'string' ? body.trim() : '';
    return text ? { message: text } : {};
  }
  const nested = readRecord(value, 'error');
  if (nested) return fieldsOf(nested);
  const flatError = readString(value, 'error');
  if (flatError !== undefined) return { message: flatError };
  const detail = value['detail'];
  if (typeof detail === 'string') return { message: detail };
  const details = readArray(value, 'detail');
  if (details) return fromValidationDetails(details);
  return fieldsOf(value);
}

function fieldsOf(source: Record<string, unknown>): UpstreamErrorBody {
  const result: UpstreamErrorBody = {};
  const message = readString(source, 'message');
  const type = readString(source, 'type');
  const rawCode = source['code'];
  const code = typeof rawCode === 'number' ? String(rawCode) : readString(source, 'code');
  if (message !== undefined) result.message = message;
  if (type !== undefined && type !== 'error') result.type = type;
  if (code !== undefined) result.code = code;
  return result;
}

function fromValidationDetails(details: unknown[]): UpstreamErrorBody {
  const messages = details.map((item) => readString(item, 'msg')).filter(Boolean);
  const result: UpstreamErrorBody = { message: messages.join('; ') || 'validation error' };
  const type = readString(details[0], 'type');
  if (type !== undefined) result.type = type;
  return result;
}
