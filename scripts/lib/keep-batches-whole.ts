// pglite-socket serves many client connections from PGlite's single session by queueing their
// protocol messages. It keeps a connection's messages together inside a transaction, but not
// inside one extended-protocol batch (Parse, Bind, Describe, Execute … Sync): another
// connection's Parse could replace the unnamed statement between this one's Parse and Execute
// ("bind message supplies 12 parameters, but prepared statement "" requires 2"). This replaces
// the queue's scheduler so a batch, once started, runs to its Sync before anyone else's turn.
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};

type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearTransactionIfNeeded: (handlerId: number) => Promise<void>;
};

/** Parse, Bind, Describe, Execute, Close, Flush: a batch goes on until Sync. */
const MID_BATCH = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

export function keepBatchesWhole(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let batchOwner: number | null = null;

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = batchOwner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet
        const item = this.queue.splice(index, 1)[0]!;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          batchOwner = null;
          item.reject(error);
          continue;
        }
        batchOwner = MID_BATCH.has(item.message[0]!) ? item.handlerId : null;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  // A client that disconnects mid-batch must not hold the queue, nor leave the shared session
  // waiting for its Sync (after an error PostgreSQL skips every message until one arrives).
  const clear = queue.clearTransactionIfNeeded.bind(queue);
  queue.clearTransactionIfNeeded = async (handlerId: number) => {
    if (batchOwner === handlerId) {
      batchOwner = null;
      await queue.db.runExclusive(() => queue.db.execProtocolRaw(SYNC));
    }
    await clear(handlerId);
    await queue.processQueue();
  };
}
