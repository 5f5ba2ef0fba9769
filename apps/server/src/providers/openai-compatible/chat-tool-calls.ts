import type { StreamPart } from '../spec';
import { readArray, readNumber, readRecord, readString, type JsonRecord } from '../shared/json';

/** Turns the `delta.tool_calls` fragments of one stream into `tool-call-delta` parts. */
export interface ToolCallReader {
  read(delta: JsonRecord): StreamPart[];
  /** Whether any tool call started in this stream. */
  readonly called: boolean;
}

interface OpenCall {
  index: number;
  id: string;
  named: boolean;
}

const nonEmpty = (value: string | undefined): string | undefined => (value ? value : undefined);

/**
 * Dialects agree on the first fragment (`index`, `id`, `function.name`) and on later fragments
 * appending `function.arguments`, but differ in what later fragments restate: OpenAI nothing,
 * Mistral `name: ""`, DashScope `id: ""` (providers.md §1.3, §3.3; Model Studio docs). So empty
 * ids and names mean "same call", a different non-empty id at a known index starts a new call
 * (servers that number every call 0), and a missing `index` falls back to the array position.
 * Our indexes count calls from 0 in arrival order; a call without an id gets `call_<index>`.
 */
export function createToolCallReader(): ToolCallReader {
  const calls = new Map<number, OpenCall>();
  let started = 0;

  function piece(upstream: number, item: unknown): StreamPart | undefined {
    const fn = readRecord(item, 'function');
    const id = nonEmpty(readString(item, 'id'));
    const name = nonEmpty(readString(fn, 'name'));
    const argumentsDelta = readString(fn, 'arguments') ?? '';
    const open = calls.get(upstream);
    if (open === undefined || (id !== undefined && id !== open.id)) {
      const call: OpenCall = { index: started, id: id ?? `call_${started}`, named: name !== undefined };
      started += 1;
      calls.set(upstream, call);
      return { type: 'tool-call-delta', index: call.index, id: call.id, ...(name ? { name } : {}), argumentsDelta };
    }
    if (name !== undefined && !open.named) {
      open.named = true;
      return { type: 'tool-call-delta', index: open.index, name, argumentsDelta };
    }
    return argumentsDelta ? { type: 'tool-call-delta', index: open.index, argumentsDelta } : undefined;
  }

  return {
    get called() {
      return started > 0;
    },
    read(delta) {
      const parts: StreamPart[] = [];
      (readArray(delta, 'tool_calls') ?? []).forEach((item, position) => {
        const part = piece(readNumber(item, 'index') ?? position, item);
        if (part) parts.push(part);
      });
      return parts;
    },
  };
}
