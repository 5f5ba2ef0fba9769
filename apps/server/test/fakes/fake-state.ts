import { defaultFakeModels } from './fake-models';
import type {
  FakeFailure,
  FakeModelLists,
  FakeProvider,
  FakeRegion,
  FakeReply,
  FakeRoute,
  RecordedRequest,
} from './fake-types';

export const defaultFakeReply: FakeReply = { text: 'Hello from the fake upstream, streamed in small pieces.' };

interface QueuedFailure {
  provider: FakeProvider;
  route: FakeRoute;
  failure: FakeFailure;
}

interface AbortWaiter {
  provider: FakeProvider;
  resolve: (record: RecordedRequest) => void;
}

/** Everything a test can set or inspect; shared by all provider handlers of one fake server. */
export class FakeState {
  readonly requests: RecordedRequest[] = [];
  models: FakeModelLists = defaultFakeModels();
  private readonly keys = new Map<string, Set<string>>();
  private readonly replies = new Map<FakeProvider, FakeReply>();
  private failures: QueuedFailure[] = [];
  private abortWaiters: AbortWaiter[] = [];

  constructor(
    readonly acceptAnyKey: boolean,
    private readonly baseReply: FakeReply,
  ) {}

  addKey(provider: FakeProvider, key: string, region: FakeRegion = 'intl'): void {
    const bucket = keyBucket(provider, region);
    const keys = this.keys.get(bucket) ?? new Set<string>();
    keys.add(key);
    this.keys.set(bucket, keys);
  }

  /** Whether `key` is registered for this provider (and, for DashScope, this region). */
  isValidKey(provider: FakeProvider, key: string | undefined, region: FakeRegion | undefined): boolean {
    if (key === undefined || key === '') return false;
    if (this.acceptAnyKey) return true;
    return this.keys.get(keyBucket(provider, region ?? 'intl'))?.has(key) ?? false;
  }

  /** The region a DashScope key belongs to, if any (used to word wrong-region answers). */
  regionOf(key: string): FakeRegion | undefined {
    const regions: FakeRegion[] = ['intl', 'cn', 'us'];
    return regions.find((region) => this.keys.get(keyBucket('dashscope', region))?.has(key));
  }

  setReply(provider: FakeProvider, reply: FakeReply): void {
    this.replies.set(provider, reply);
  }

  replyFor(provider: FakeProvider): FakeReply {
    return this.replies.get(provider) ?? this.baseReply;
  }

  failNext(provider: FakeProvider, route: FakeRoute, failure: FakeFailure): void {
    this.failures.push({ provider, route, failure });
  }

  takeFailure(provider: FakeProvider, route: FakeRoute): FakeFailure | undefined {
    const index = this.failures.findIndex((item) => item.provider === provider && item.route === route);
    if (index < 0) return undefined;
    const [taken] = this.failures.splice(index, 1);
    return taken?.failure;
  }

  noteClientAbort(record: RecordedRequest): void {
    const waiting = this.abortWaiters.filter((waiter) => waiter.provider === record.provider);
    this.abortWaiters = this.abortWaiters.filter((waiter) => waiter.provider !== record.provider);
    for (const waiter of waiting) waiter.resolve(record);
  }

  /** Resolves with the first request of `provider` the client closed early (past or future). */
  waitForClientAbort(provider: FakeProvider, timeoutMs: number): Promise<RecordedRequest> {
    const done = this.requests.find((record) => record.provider === provider && record.closedByClient);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no client abort seen for ${provider} within ${timeoutMs}ms`)),
        timeoutMs,
      );
      this.abortWaiters.push({
        provider,
        resolve: (record) => {
          clearTimeout(timer);
          resolve(record);
        },
      });
    });
  }

  reset(): void {
    this.requests.length = 0;
    this.models = defaultFakeModels();
    this.keys.clear();
    this.replies.clear();
    this.failures = [];
  }
}

function keyBucket(provider: FakeProvider, region: FakeRegion): string {
  return provider === 'dashscope' ? `dashscope:${region}` : provider;
}
