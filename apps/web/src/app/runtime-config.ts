/**
 * Runtime configuration injected by the server into `index.html` (never baked in at build time), as
 * either `<script>window.__CHATSTUDIO__ = {...}</script>` or, CSP-friendlier, a JSON data block
 * `<script type="application/json" id="chatstudio-config">{...}</script>`. Every field is optional and
 * the app works when neither is present.
 */
export interface RuntimeConfig {
  /** Server version, shown in the footer/menu. */
  version?: string;
  /** `true` while no user exists (show setup first), `false` once set up (show login first). */
  setupRequired?: boolean;
  /** Product name override for white-labelled deployments. */
  productName?: string;
}

declare global {
  interface Window {
    __CHATSTUDIO__?: unknown;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps only well-typed known fields: the config is data, never trusted to have any shape. */
export function sanitizeRuntimeConfig(raw: unknown): RuntimeConfig {
  if (!isRecord(raw)) return {};
  const config: RuntimeConfig = {};
  if (typeof raw.version === 'string') config.version = raw.version.slice(0, 64);
  if (typeof raw.setupRequired === 'boolean') config.setupRequired = raw.setupRequired;
  if (typeof raw.productName === 'string' && raw.productName.trim() !== '') {
    config.productName = raw.productName.trim().slice(0, 64);
  }
  return config;
}

function readJsonBlock(): unknown {
  const element = document.getElementById('chatstudio-config');
  if (!element?.textContent) return undefined;
  try {
    return JSON.parse(element.textContent) as unknown;
  } catch {
    return undefined;
  }
}

let cached: RuntimeConfig | undefined;

export function runtimeConfig(): RuntimeConfig {
  cached ??= sanitizeRuntimeConfig(
    typeof window === 'undefined' ? undefined : (window.__CHATSTUDIO__ ?? readJsonBlock()),
  );
  return cached;
}
