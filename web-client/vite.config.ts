import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The build lands straight in the Maven module's classes, under webroot/, so that the
// web-client jar carries it and the server serves it from the classpath.
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'target/classes/webroot',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/health': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
  },
});
