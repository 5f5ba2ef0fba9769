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
