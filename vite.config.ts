// Vite builds the static site (no server needed at run time) and Vitest runs
// the unit, property and differential tests in Node.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  // Relative URLs everywhere: dist/ works from any static host, at any sub-path.
  base: './',
  plugins: [
    react(),
    // The service worker precaches every file of the build (the page, Monaco, the
    // machine worker with the guest and compiler), so the playground reloads with
    // the network off. Nothing from other origins is cached. It is registered by
    // src/ui/offline/service-worker.ts, in the production build only.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false,
      includeManifestIcons: false, // the icon is in the glob below already
      manifest: {
        name: 'Paravirt Playground',
        short_name: 'Paravirt',
        description: 'Watch para-virtualization happen on an emulated RISC-V virt board, in your browser.',
        display: 'standalone',
        background_color: '#0f1218',
        theme_color: '#161a22',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,ttf,woff,woff2,wasm,json}'],
        // The worker bundle (guest, compiler, headers) and Monaco's chunks are several MiB each.
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        skipWaiting: true,
        clientsClaim: true,
        runtimeCaching: [],
      },
    }),
  ],
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
