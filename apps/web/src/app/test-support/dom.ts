/**
 * A tiny harness for jsdom smoke tests: mounts the app, waits for conditions inside `act`, and types
 * into controlled inputs the way React notices. Import only from `*.test.ts` files with
 * `// @vitest-environment jsdom`.
 */
import { act, createElement } from 'react';
import type { Root } from 'react-dom/client';
import { createRoot } from 'react-dom/client';
import { clearModelCache } from '../../features/providers/useModels';
import { App } from '../App';
import { FakeServer } from './fake-server';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

/** jsdom lacks the modal dialog API; the real one is exercised in the browser tests. */
function polyfillDialog(): void {
  const prototype = HTMLDialogElement.prototype;
  if (typeof prototype.showModal !== 'function') {
    prototype.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  }
  if (typeof prototype.close !== 'function') {
    prototype.close = function (this: HTMLDialogElement) {
      this.removeAttribute('open');
    };
  }
}

export interface Harness {
  server: FakeServer;
  container: HTMLElement;
  render: () => Promise<void>;
  unmount: () => Promise<void>;
  byTestId: <T extends HTMLElement = HTMLElement>(id: string) => T | null;
  all: (id: string) => HTMLElement[];
  waitFor: <T>(probe: () => T | null | undefined | false, what: string, timeoutMs?: number) => Promise<T>;
  click: (element: HTMLElement | null) => Promise<void>;
  type: (element: HTMLInputElement | HTMLTextAreaElement | null, value: string) => Promise<void>;
  choose: (element: HTMLSelectElement | null, value: string) => Promise<void>;
  inputLabelled: (label: string) => HTMLInputElement;
}

export function createHarness(): Harness {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  polyfillDialog();
  clearModelCache();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
  const server = new FakeServer();
  globalThis.fetch = server.fetch;
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | null = null;

  const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T | null =>
    container.querySelector<T>(`[data-testid="${id}"]`);

  const waitFor = async <T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 3000) => {
    const started = Date.now();
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
      });
    }
  };

  return {
    server,
    container,
    byTestId,
    all: (id) => Array.from(container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)),
    waitFor,
    render: async () => {
      root = createRoot(container);
      await act(async () => {
        root?.render(createElement(App));
        await Promise.resolve();
      });
    },
    unmount: async () => {
      await act(async () => {
        root?.unmount();
        await Promise.resolve();
      });
      container.remove();
    },
    click: async (element) => {
      if (!element) throw new Error('nothing to click');
      await act(async () => {
        element.click();
        await Promise.resolve();
      });
    },
    type: async (element, value) => {
      if (!element) throw new Error('nothing to type into');
      const prototype =
        element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      await act(async () => {
        Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
        element.dispatchEvent(new Event('input', { bubbles: true }));
        await Promise.resolve();
      });
    },
    choose: async (element, value) => {
      if (!element) throw new Error('nothing to choose from');
      await act(async () => {
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(element, value);
        element.dispatchEvent(new Event('change', { bubbles: true }));
        await Promise.resolve();
      });
    },
    inputLabelled: (label) => {
      const element = Array.from(container.querySelectorAll('label')).find((item) => item.textContent === label);
      const input = element?.htmlFor ? container.querySelector<HTMLInputElement>(`[id="${element.htmlFor}"]`) : null;
      if (!input) throw new Error(`no input labelled ${label}`);
      return input;
    },
  };
}
