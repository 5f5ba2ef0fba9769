import { describe, expect, it } from 'vitest';
import { baseChatBody } from './chat-request';

describe('baseChatBody', () => {
  it('sends only what is set', () => {
    expect(baseChatBody({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
  });

  it('passes system messages, temperature and stop through', () => {
    const body = baseChatBody({
      model: 'm',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hi' },
      ],
      temperature: 0,
      stop: ['END'],
    });
    expect(body).toMatchObject({ temperature: 0, stop: ['END'] });
    expect(body['messages']).toHaveLength(2);
  });
});
