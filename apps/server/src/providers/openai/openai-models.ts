import type { ModelCapability, ModelInfo } from '@chatstudio/contract';

/**
 * OpenAI's model list carries no capability data (providers.md §1.2), so chat models are told
 * apart by id. The drop rule is providers.md's heuristic plus `audio` (audio-preview models need
 * audio modalities this text chat never sends). Fine-tunes (`ft:<base>:…`) are judged by their base.
 */
const nonChatPattern =
  /embedding|tts|whisper|transcribe|dall-e|gpt-image|chatgpt-image|moderation|realtime|babbage|davinci|instruct|sora|search|audio/;

/** o-series and gpt-5 models reason and accept `reasoning_effort`; older chat models reject it. */
const reasoningPattern = /^(o\d|gpt-5)/;
const visionPattern = /^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-4-turbo|gpt-5|o4|o1(?!-mini|-preview)|o3(?!-mini))/;
const noToolsPattern = /^(o1-mini|o1-preview|chatgpt-)/;

function baseModelId(id: string): string {
  return id.startsWith('ft:') ? (id.split(':')[1] ?? id) : id;
}

export function isOpenAiChatModel(id: string): boolean {
  return !nonChatPattern.test(baseModelId(id));
}

export function isOpenAiReasoningModel(id: string): boolean {
  return reasoningPattern.test(baseModelId(id));
}

/** One listed id → ModelInfo, or `undefined` for embeddings, speech, images, moderation, … */
export function classifyOpenAiModel(id: string): ModelInfo | undefined {
  if (!isOpenAiChatModel(id)) return undefined;
  const base = baseModelId(id);
  const capabilities: ModelCapability[] = [];
  if (visionPattern.test(base)) capabilities.push('vision');
  if (!noToolsPattern.test(base)) capabilities.push('tools', 'json');
  if (reasoningPattern.test(base)) capabilities.push('reasoning');
  return { id, name: id, capabilities };
}
