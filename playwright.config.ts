// End-to-end tests in real Chromium. Playwright cannot download its own
// browsers here, so it drives Debian's Chromium (or PARAVIRT_CHROMIUM) against
// the built static site served by `vite preview`.
import { defineConfig } from '@playwright/test';

const chromium = process.env.PARAVIRT_CHROMIUM || '/usr/bin/chromium';
// PARAVIRT_E2E_PORT lets two checkouts run their e2e tests at the same time.
const port = Number(process.env.PARAVIRT_E2E_PORT || 4173);

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A laptop's screen; tests of the projector size set 1024×768 themselves.
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `npm run build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
