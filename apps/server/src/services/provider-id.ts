import { providerIds, type ProviderId } from '@chatstudio/contract';

/** A provider id read back from storage; rows are only written from validated input. */
export function asProviderId(value: string): ProviderId {
  const id = providerIds.find((candidate) => candidate === value);
  if (!id) throw new Error(`unknown stored provider ${JSON.stringify(value)}`);
  return id;
}

export function isProviderId(value: unknown): value is ProviderId {
  return providerIds.some((candidate) => candidate === value);
}
