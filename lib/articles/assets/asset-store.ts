import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';

type Tx = Prisma.TransactionClient;

export type AssetToStore = {
  key: string;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
  width: number | null;
  height: number | null;
  isPublic: boolean;
};

export type StoredAssetBlob = Omit<AssetToStore, 'key'> & { byteSize: number };

/**
 * Where article files live. The embedded default is the database (every app instance reads the
 * same rows, no new service); an object store can implement the same three calls. Writes take the
 * import's transaction so an article and its files change together or not at all.
 */
export type AssetStore = {
  replaceArticleAssets: (tx: Tx, articleId: string, assets: AssetToStore[]) => Promise<void>;
  readAsset: (articleId: string, key: string) => Promise<StoredAssetBlob | null>;
  listAssetKeys: (articleId: string) => Promise<string[]>;
};

const databaseAssetStore: AssetStore = {
  async replaceArticleAssets(tx, articleId, assets) {
    await tx.articleAsset.deleteMany({ where: { articleId } });
    // Statements of up to ~8 MB: few round trips, and no single huge statement for a big package.
    let batch: AssetToStore[] = [];
    let size = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.articleAsset.createMany({
        data: batch.map((a) => ({ articleId, ...a, bytes: Buffer.from(a.bytes), byteSize: a.bytes.length })),
      });
      batch = [];
      size = 0;
    };
    for (const asset of assets) {
      if (size + asset.bytes.length > 8 * 1024 * 1024) await flush();
      batch.push(asset);
      size += asset.bytes.length;
    }
    await flush();
  },
  async readAsset(articleId, key) {
    const row = await db.articleAsset.findUnique({
      where: { articleId_key: { articleId, key } },
      select: {
        contentType: true,
        bytes: true,
        sha256: true,
        width: true,
        height: true,
        isPublic: true,
        byteSize: true,
      },
    });
    return row ? { ...row, bytes: new Uint8Array(row.bytes) } : null;
  },
  async listAssetKeys(articleId) {
    const rows = await db.articleAsset.findMany({
      where: { articleId },
      select: { key: true },
      orderBy: { key: 'asc' },
    });
    return rows.map((r) => r.key);
  },
};

export const assetStore: AssetStore = databaseAssetStore;
