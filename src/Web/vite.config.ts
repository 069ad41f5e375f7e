/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { consoleRoutePaths } from './src/routeTable.ts';

// The route table as the page registry: routes.json next to index.html lists the console's paths, and the
// API's fallback (src/Api/Web/ConsoleRoutes.cs) serves index.html for exactly those.
function routeRegistry(): Plugin {
  return {
    name: 'gridcase-route-registry',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'routes.json', source: `${JSON.stringify(consoleRoutePaths(), null, 2)}\n` });
    },
  };
}

// Built into the API's wwwroot; the API serves it at / and falls back to index.html for the console's routes.
export default defineConfig({
  base: '/',
  plugins: [react(), routeRegistry()],
  build: {
    outDir: '../Api/wwwroot',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:5080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
