/** Reads a server-sent-event stream into events, as a browser's parser would. */
export interface ReceivedEvent {
  event: string;
  data: any;
}

export async function readSse(
  response: Response,
  onEvent?: (event: ReceivedEvent) => void,
): Promise<{ events: ReceivedEvent[]; comments: number }> {
  const events: ReceivedEvent[] = [];
  let comments = 0;
  if (!response.body) return { events, comments };
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) comments += 1;
        else if (line.startsWith('event: ')) name = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length > 0) {
        const event = { event: name, data: JSON.parse(data.join('\n')) };
        events.push(event);
        onEvent?.(event);
      }
    }
  }
  return { events, comments };
}

/** What a message send answered: the stream's events, or the JSON error it was refused with. */
export interface SendResult {
  status: number;
  error: { code: string; message: string; [context: string]: unknown } | undefined;
  events: ReceivedEvent[];
  comments: number;
}

/** Sends a chat message as the browser does (session cookie + CSRF token) and reads the stream. */
export async function sendMessage(
  baseUrl: string,
  client: { cookie: string | undefined; csrfToken: string | undefined },
  conversationId: string,
  body: Record<string, unknown>,
  options: { onEvent?: (event: ReceivedEvent) => void; signal?: AbortSignal } = {},
): Promise<SendResult> {
  const response = await fetch(`${baseUrl}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: client.cookie ?? '',
      'x-csrf-token': client.csrfToken ?? '',
    },
    body: JSON.stringify(body),
    signal: options.signal,
  });
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    return {
      status: response.status,
      error: ((await response.json()) as { error: SendResult['error'] }).error,
      events: [],
      comments: 0,
    };
  }
  const { events, comments } = await readSse(response, options.onEvent);
  return { status: response.status, error: undefined, events, comments };
}
