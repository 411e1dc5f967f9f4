// pglite-socket serves many client connections from PGlite's single session by queueing their
// protocol messages. It keeps a connection's messages together inside a transaction, but not
// inside one extended-protocol batch (Parse, Bind, Describe, Execute … Sync): another
// connection's Parse could replace the unnamed statement between this one's Parse and Execute
// ("bind message supplies 12 parameters, but prepared statement "" requires 2"). This replaces
// the queue's scheduler so a batch, once started, runs to its Sync before anyone else's turn,
// and the connection's reader so the messages of a batch that arrived together go to PGlite in
// one call (one queue turn, one WASM entry, one socket write) rather than one call each.
import type { Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The one release whose internals this file replaces (package.json pins it exactly;
 * tests/integration/embedded-db-batches.test.ts fails on another). Before moving the pin, read
 * the new release's query queue and handler and check the test passes.
 */
export const PATCHED_PGLITE_SOCKET_VERSION = '0.2.17';

/** Refuses to start on internals other than the ones replaced here, rather than misbehave. */
function assertInternals(what: string, isPresent: boolean): void {
  if (!isPresent)
    throw new Error(
      `@electric-sql/pglite-socket no longer has ${what}, which scripts/lib/keep-batches-whole.ts replaces ` +
        `(written for ${PATCHED_PGLITE_SOCKET_VERSION}): install that version or update the patch.`,
    );
}

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
const PROTOCOL_3 = 196608;

/** The type byte of the last message in a run of whole messages. */
function lastMessageType(bytes: Uint8Array): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let type = bytes[0]!;
  while (at + 5 <= view.length) {
    type = view[at]!;
    at += 1 + view.readInt32BE(at + 1);
  }
  return type;
}

export function keepBatchesWhole(server: PGLiteSocketServer): void {
  const found = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  assertInternals(
    "the server's queryQueue (queue, processQueue, clearTransactionIfNeeded)",
    !!found &&
      Array.isArray(found.queue) &&
      typeof found.processQueue === 'function' &&
      typeof found.clearTransactionIfNeeded === 'function',
  );
  const queue = found!;
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
        batchOwner = MID_BATCH.has(lastMessageType(item.message)) ? item.handlerId : null;
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

type Handler = {
  id: number;
  active: boolean;
  socket: Socket | null;
  messageBuffer: Buffer;
  queryQueue: { enqueue: (id: number, message: Uint8Array, onData: (data: Uint8Array) => void) => Promise<number> };
  handleSslRequest: () => boolean;
  handleCancelRequest: () => boolean;
};

/** Splits off the whole messages at the start of `buffer`: a startup message alone, else up to and including a Sync. */
function takeGroup(buffer: Buffer): number {
  if (buffer.length >= 8 && buffer.readInt32BE(4) === PROTOCOL_3) {
    const length = buffer.readInt32BE(0);
    return buffer.length >= length ? length : 0;
  }
  let end = 0;
  while (end + 5 <= buffer.length) {
    const next = end + 1 + buffer.readInt32BE(end + 1);
    if (next > buffer.length) break;
    const type = buffer[end]!;
    end = next;
    if (!MID_BATCH.has(type)) break; // Sync, a simple Query, Terminate…: the batch is complete
  }
  return end;
}

/** Replaces pglite-socket's per-message reader with one that hands PGlite a batch at a time. */
export function sendBatchesWhole(): void {
  const prototype = PGLiteSocketHandler.prototype as unknown as {
    handleData?: (this: Handler, data: Buffer) => Promise<number>;
    handleSslRequest?: unknown;
    handleCancelRequest?: unknown;
  };
  assertInternals(
    'PGLiteSocketHandler.prototype.handleData (and handleSslRequest, handleCancelRequest)',
    typeof prototype.handleData === 'function' &&
      typeof prototype.handleSslRequest === 'function' &&
      typeof prototype.handleCancelRequest === 'function',
  );
  prototype.handleData = async function handleData(this: Handler, data: Buffer) {
    if (!this.socket || !this.active) return 0;
    this.messageBuffer = Buffer.concat([this.messageBuffer, data]);
    let written = 0;
    while (this.messageBuffer.length > 0 && this.active && this.socket) {
      if (this.handleSslRequest() || this.handleCancelRequest()) continue;
      const length = takeGroup(this.messageBuffer);
      if (length === 0) break; // wait for the rest of the message
      const group = new Uint8Array(this.messageBuffer.subarray(0, length));
      this.messageBuffer = this.messageBuffer.subarray(length);
      let failure: Error | undefined;
      await this.queryQueue.enqueue(this.id, group, (out) => {
        if (out.length > 0 && this.socket?.writable && this.active) {
          this.socket.write(Buffer.from(out), (error) => (failure = error ?? failure));
        }
        written += out.length;
      });
      if (failure) throw failure;
    }
    return written;
  };
}
