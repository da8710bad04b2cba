// Vite builds the static site (no server needed at run time) and Vitest runs
// the unit, property and differential tests in Node.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/fast-check-seed.ts'],
    // Hang guards, not speed limits: on a shared, loaded machine one test that
    // runs gcc on 134 headers took 64 s. No test asserts a duration; a test
    // that really hangs is still reported, after five minutes.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
