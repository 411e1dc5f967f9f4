import type { Page, Request } from '@playwright/test';

const isLinkPrefetch = (request: Request) => request.headers()['next-router-prefetch'] === '1';

/**
 * Watches the page's requests from now on; `settled()` resolves once none has been in flight for
 * `quietMs`. Unlike Playwright's `networkidle` it leaves out Next's link prefetches: on a signed-in
 * page a repeated prefetch of `/` or `/issues` stays in flight in Chromium until the page cancels
 * it 30 s later, though the server finished it within ms (most likely the router drops it without
 * reading its body; a click on the link navigates at once). A prefetch can cause no CSP
 * violation nor change the page, which is what waiting for the network is for.
 */
export function watchRequests(page: Page, quietMs = 500) {
  const inFlight = new Set<Request>();
  let lastChange = Date.now();
  const started = (request: Request) => {
    if (isLinkPrefetch(request)) return;
    inFlight.add(request);
    lastChange = Date.now();
  };
  const ended = (request: Request) => {
    if (inFlight.delete(request)) lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    async settled() {
      while (inFlight.size > 0 || Date.now() - lastChange < quietMs) await page.waitForTimeout(50);
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
    },
  };
}
