import type { Redis } from 'ioredis';

/**
 * Tells every instance that something cached changed (policies, model lists), so a change made on
 * one box is seen at once on all (spec §8). In memory on one box; Redis pub/sub when configured.
 */
export interface InvalidationBus {
  publish(topic: string, key: string): Promise<void>;
  subscribe(topic: string, handler: (key: string) => void): void;
  close(): Promise<void>;
}

export class MemoryInvalidationBus implements InvalidationBus {
  private readonly handlers = new Map<string, ((key: string) => void)[]>();

  publish(topic: string, key: string): Promise<void> {
    for (const handler of this.handlers.get(topic) ?? []) handler(key);
    return Promise.resolve();
  }

  subscribe(topic: string, handler: (key: string) => void): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export class RedisInvalidationBus implements InvalidationBus {
  private readonly local = new MemoryInvalidationBus();
  private readonly subscriber: Redis;

  constructor(
    private readonly publisher: Redis,
    private readonly prefix: string,
  ) {
    this.subscriber = publisher.duplicate();
    this.subscriber.on('message', (channel: string, key: string) => {
      if (channel.startsWith(this.prefix)) void this.local.publish(channel.slice(this.prefix.length), key);
    });
  }

  async publish(topic: string, key: string): Promise<void> {
    await this.publisher.publish(this.prefix + topic, key);
  }

  subscribe(topic: string, handler: (key: string) => void): void {
    this.local.subscribe(topic, handler);
    void this.subscriber.subscribe(this.prefix + topic);
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    await this.local.close();
  }
}
