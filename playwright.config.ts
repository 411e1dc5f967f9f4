import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { e2eSettings } from './tests/e2e/settings';

const settings = e2eSettings();

// Debian's Chromium (Playwright cannot download its own browser here): its headless shell
// (package chromium-headless-shell), the same engine without the browser's UI, which is what
// Playwright itself runs headless; else the full browser (package chromium). On 34 tests, one
// machine, back to back: 62.5 s and 26.4 s of CPU with the shell, 77.2 s and 41.8 s without.
const chromium =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((file) => fs.existsSync(file)) ??
  '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Only a net for a hung test: the longest flows take 25–35 s on a slow machine of our kind.
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: settings.baseUrl,
    // Recording a trace costs every test about a fifth of its time (the 29 visitor pages of
    // accessibility.spec.ts: 95.7 s with it, 75.7 s without, one machine, one hour); CI keeps only
    // the printed output, so there it is off. A run here keeps the trace of each failed test.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'npx tsx --conditions=react-server scripts/e2e-server.ts',
    url: `${settings.baseUrl}/`,
    // First run builds the site: allow for a slow machine.
    timeout: 600_000,
    // npm test (scripts/test.ts) starts this server itself while the integration suite runs.
    reuseExistingServer: process.env.E2E_SERVER_STARTED === '1',
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
