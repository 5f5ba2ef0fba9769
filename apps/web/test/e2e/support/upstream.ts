import type { FakeProvider, RecordedRequest } from '../../../../server/test/fakes/fake-types';
import type { FakeUpstreams } from '../../../../server/test/fakes/fake-upstreams';

interface ChatBody {
  model?: string;
  messages?: { role?: string; content?: unknown }[];
}

const chatBody = (request: RecordedRequest): ChatBody =>
  typeof request.body === 'object' && request.body !== null ? request.body : {};

function isTitleCall(request: RecordedRequest): boolean {
  const first = chatBody(request).messages?.[0];
  return first?.role === 'system' && typeof first.content === 'string' && /\btitle\b/i.test(first.content);
}

const isChatCompletion = (request: RecordedRequest) =>
  request.method === 'POST' && request.path === '/v1/chat/completions';

/** Chat-completion requests the fake received for `provider`: the user's turns and the title calls. */
export function chatCalls(fake: FakeUpstreams, provider: FakeProvider) {
  const all = fake.requestsFor(provider).filter(isChatCompletion);
  return {
    turns: all
      .filter((request) => !isTitleCall(request))
      .map((request) => ({ request, model: chatBody(request).model })),
    titles: all.filter(isTitleCall).map((request) => ({ request, model: chatBody(request).model })),
  };
}

export const modelListCalls = (fake: FakeUpstreams, provider: FakeProvider) =>
  fake.requestsFor(provider).filter((request) => request.method === 'GET' && request.path.endsWith('/models'));
