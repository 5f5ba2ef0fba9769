import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The SPA is built to `dist/` and served by the ChatStudio server, which injects runtime config into
 * `index.html`. In development, `/api` and `/v1` are proxied to a server on the default port.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      '/v1': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
