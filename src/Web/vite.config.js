import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into the API's wwwroot; the API serves it at / and falls back to index.html for the console's routes.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../Api/wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:5080' },
  },
});
