/**
 * Connections the job workers of one instance may open, besides the app's DATABASE_POOL_SIZE:
 * one listens for NOTIFY, one per job in flight claims and completes it.
 */
export const jobPoolSize = (concurrency: number) => concurrency + 1;
