import type { StreamPart } from '../spec';
import type { JsonRecord } from '../shared/json';
import { readString } from '../shared/json';

/** Reads one `choices[0].delta` into parts. Providers override it where their delta differs. */
export type ChatDeltaReader = (delta: JsonRecord) => StreamPart[];

/**
 * OpenAI's delta: `content` is a string (or null); empty strings (the role-only first chunk) and
 * `refusal` produce nothing. `tool_calls` fragments are read by the translator, for every dialect.
 */
export const readContentDelta: ChatDeltaReader = (delta) => {
  const content = readString(delta, 'content');
  return content ? [{ type: 'text-delta', text: content }] : [];
};
