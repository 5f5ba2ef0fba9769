import type { DashscopeRegion } from '@chatstudio/contract';
import { createOpenAiCompatibleAdapter } from '../openai-compatible/openai-compatible.adapter';
import type { AdapterTransport, ProviderAdapter } from '../spec';
import { readString } from '../shared/json';
import { readDashscopeDelta } from './dashscope-delta';
import { classifyDashscopeModel } from './dashscope-models';
import { buildDashscopeChatBody } from './dashscope-request';

/**
 * The order to try regions in when a user connects a key without saying where it is from
 * (providers.md §4.5: Singapore, then Beijing, then US). Keys are region-bound: the wrong
 * region's host answers 401, which the adapter reports as `auth`.
 */
export const dashscopeRegionProbeOrder: readonly DashscopeRegion[] = ['intl', 'cn', 'us'];

/**
 * DashScope (Model Studio) in OpenAI-compatible mode. Each base URL ends in
 * `/compatible-mode/v1`. A credential without a region uses `intl`, the vendor SDKs' default.
 */
export function createDashscopeAdapter(
  options: AdapterTransport & { baseUrls: Record<DashscopeRegion, string> },
): ProviderAdapter {
  return createOpenAiCompatibleAdapter({
    id: 'dashscope',
    name: 'DashScope (Alibaba Cloud Qwen)',
    fetch: options.fetch,
    baseUrl: (credential) => options.baseUrls[credential.region ?? 'intl'],
    buildBody: buildDashscopeChatBody,
    readDelta: readDashscopeDelta,
    toModels: (entries) =>
      entries.flatMap((entry) => {
        const model = classifyDashscopeModel(readString(entry, 'id') ?? '');
        return model ? [model] : [];
      }),
  });
}
