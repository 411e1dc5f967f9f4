import 'server-only';
import { env } from '@/lib/env';
import { FLUSH_USAGE, RECORD_USAGE } from './shared-page-usage.mjs';
import { flushUsageEvents, recordUsage } from './usage-event-buffer';

/**
 * Lets scripts/server.mjs (plain JS, outside Next's bundles) hand over shared-page views (none
 * when USAGE_RECORDING is off) and flush on stop; writes what the spool holds from earlier
 * processes (a kill, a stop that could not reach the database) soon after the start.
 */
export function installUsageHooks(): void {
  Object.assign(globalThis, { [FLUSH_USAGE]: () => flushUsageEvents() });
  if (env.USAGE_RECORDING) Object.assign(globalThis, { [RECORD_USAGE]: recordUsage });
  setTimeout(() => void flushUsageEvents({ withOrphans: true }), 2000).unref();
}
