import { ApiError } from '../../api/api-error';

/**
 * Why the model list isn't available to pick from, and what to do instead (type ids by hand). Listing
 * models needs a usable key and an approved provider (409 `key_required`, 403 `provider_not_approved`).
 */
export function modelListProblem(error: unknown, providerName: string): string {
  if (!(error instanceof ApiError)) return `Couldn't list ${providerName}'s models: type model ids instead.`;
  if (error.code === 'key_required') {
    return `No ${providerName} key is available to list its models with: type model ids instead.`;
  }
  if (error.code === 'provider_not_approved') {
    return `${providerName} isn't approved for this organisation (yet), so its models can't be listed: type model ids instead.`;
  }
  return `Couldn't list ${providerName}'s models (${error.message}): type model ids instead.`;
}
