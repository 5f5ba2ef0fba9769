import { startFakeUpstreams, type FakeUpstreams } from '../fakes/fake-upstreams';
import { startApp, type StartOptions, type TestApp } from './app';

/** The env that points the server's providers at the fake upstreams (spec §8's operator overrides). */
export function fakeEnv(fake: FakeUpstreams): Record<string, string> {
  return {
    CHATSTUDIO_OPENAI_BASE_URL: fake.baseUrls.openai,
    CHATSTUDIO_ANTHROPIC_BASE_URL: fake.baseUrls.anthropic,
    CHATSTUDIO_MISTRAL_BASE_URL: fake.baseUrls.mistral,
    CHATSTUDIO_DASHSCOPE_INTL_BASE_URL: fake.baseUrls.dashscope.intl,
    CHATSTUDIO_DASHSCOPE_CN_BASE_URL: fake.baseUrls.dashscope.cn,
    CHATSTUDIO_DASHSCOPE_US_BASE_URL: fake.baseUrls.dashscope.us,
    OLLAMA_BASE_URL: fake.baseUrls.ollama,
  };
}

export async function startAppWithFakes(
  options: StartOptions & { fake?: FakeUpstreams } = {},
): Promise<{ app: TestApp; fake: FakeUpstreams; close(): Promise<void> }> {
  const fake = options.fake ?? (await startFakeUpstreams());
  const app = await startApp({ ...options, env: { ...fakeEnv(fake), ...options.env } });
  return {
    app,
    fake,
    close: async () => {
      try {
        await app.close();
      } finally {
        if (!options.fake) await fake.close();
      }
    },
  };
}
