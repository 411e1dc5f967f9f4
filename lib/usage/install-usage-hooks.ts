import 'server-only';
import { FLUSH_USAGE, RECORD_USAGE } from './shared-page-usage.mjs';
import { flushUsageEvents, recordUsage } from './usage-event-buffer';

/** Lets scripts/server.mjs (plain JS, outside Next's bundles) hand over shared-page views and flush on stop. */
export function installUsageHooks(): void {
  Object.assign(globalThis, { [RECORD_USAGE]: recordUsage, [FLUSH_USAGE]: flushUsageEvents });
}
