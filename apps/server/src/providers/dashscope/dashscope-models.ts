import type { ModelCapability, ModelInfo } from '@chatstudio/contract';

/**
 * DashScope's compatible-mode list has only ids (providers.md §4.2), so chat models are told apart
 * by id with providers.md's heuristic (embeddings, rerankers, image/video generation, speech).
 * Capabilities are inferred from well-known Qwen family names; no context window is claimed.
 */
const nonChatPattern = /embedding|rerank|image|wan|tts|asr|paraformer|cosyvoice|sambert|video/;
const visionPattern = /-vl|qvq|omni/;
const reasoningPattern = /qwq|qvq|qwen3|thinking|deepseek-r1/;
const codePattern = /coder/;

export function classifyDashscopeModel(id: string): ModelInfo | undefined {
  if (nonChatPattern.test(id)) return undefined;
  const capabilities: ModelCapability[] = [];
  if (visionPattern.test(id)) capabilities.push('vision');
  if (reasoningPattern.test(id)) capabilities.push('reasoning');
  if (codePattern.test(id)) capabilities.push('code');
  return { id, name: id, capabilities };
}
