import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { importJats, importJatsBatch, type ImportJatsInput, type ImportJatsResult } from '../jats/import-jats';
import { parseXmlRoot } from '../jats/jats-dom';
import { JatsImportError } from '../jats/jats-import-error';
import { isExternalHref, listAssetRefs, type AssetRef } from './asset-refs';
import type { JatsPackage } from './jats-package';
import { prepareAssets } from './prepare-assets';
import { resolvePackageFile } from './resolve-package-file';

export type ImportJatsPackageOptions = {
  /** Import an article whose package lacks referenced files (each one becomes a warning). */
  allowMissingAssets?: boolean;
  /** Skip a package whose XML and referenced files are byte for byte those of the last import. */
  skipUnchanged?: boolean;
};

export type ImportJatsPackageResult =
  (ImportJatsResult & { skipped: false; assetCount: number }) | { skipped: true; articleId: string; fileName: string };

/** A package that lacks files its XML references; the message names each one. */
export class MissingAssetsError extends JatsImportError {
  constructor(
    fileName: string,
    readonly missing: AssetRef[],
  ) {
    super(
      `${fileName}: ${missing.length} referenced file${missing.length > 1 ? 's are' : ' is'} missing from the package: ${missing
        .map((m) => `${m.href} (${m.kind})`)
        .join(
          ', ',
        )}. Add ${missing.length > 1 ? 'them' : 'it'} to the package, or allow missing assets to import without ${missing.length > 1 ? 'them' : 'it'}`,
    );
    this.name = 'MissingAssetsError';
  }
}

function describe(ref: AssetRef): string {
  return `${ref.kind} "${ref.href}"`;
}

/** Content hash of the XML and every file it references (what decides whether anything changed). */
// A file added later (one that was missing) changes the hash, so "allowed missing" needs no part in it.
function packageHash(pkg: JatsPackage, refs: AssetRef[]): string {
  const hash = createHash('sha256').update(pkg.xml);
  for (const ref of refs) {
    const name = isExternalHref(ref.href) ? null : resolvePackageFile(ref.href, pkg.fileNames);
    hash.update(`\0${ref.href}\0`);
    if (name) hash.update(pkg.readFile(name));
  }
  return hash.digest('hex');
}

/** A package ready to write: its parsed XML and converted files, or why it needs no import. */
type PreparedPackage =
  | { skipped: true; articleId: string; fileName: string }
  | { skipped: false; input: ImportJatsInput; assetCount: number; warnings: string[] };

async function preparePackage(pkg: JatsPackage, options: ImportJatsPackageOptions): Promise<PreparedPackage> {
  const root = parseXmlRoot(pkg.xml, pkg.name);
  const refs = listAssetRefs(root);
  const sha256 = packageHash(pkg, refs);
  if (options.skipUnchanged) {
    const previous = await db.articleImportSource.findFirst({ where: { sha256 }, select: { articleId: true } });
    if (previous) return { skipped: true, articleId: previous.articleId, fileName: pkg.name };
  }
  const prepared = await prepareAssets(refs, pkg);
  if (prepared.missing.length > 0 && !options.allowMissingAssets)
    throw new MissingAssetsError(pkg.name, prepared.missing);
  const warnings = [
    ...prepared.missing.map(
      (m) => `${pkg.name}: ${describe(m)} is missing from the package; it was imported without it`,
    ),
    ...prepared.external.map(
      (m) => `${pkg.name}: ${describe(m)} is an absolute URL; it is shown as a link, not fetched or embedded`,
    ),
  ];
  return {
    skipped: false,
    // The XML is parsed once: the article is read from the same tree as its references.
    input: { xml: root, fileName: pkg.name, assets: prepared, sourceSha256: sha256 },
    assetCount: prepared.stored.length,
    warnings,
  };
}

const withResult = (
  prepared: Extract<PreparedPackage, { skipped: false }>,
  result: ImportJatsResult,
): ImportJatsPackageResult => ({
  ...result,
  skipped: false,
  assetCount: prepared.assetCount,
  warnings: [...result.warnings, ...prepared.warnings],
});

/**
 * Imports one article package: its XML and the files it references (images converted to web
 * formats, other files as they are), in one transaction. A referenced file that is missing refuses
 * the article (nothing written) unless missing files are allowed; absolute URLs are kept as links.
 */
export async function importJatsPackage(
  pkg: JatsPackage,
  options: ImportJatsPackageOptions = {},
): Promise<ImportJatsPackageResult> {
  const prepared = await preparePackage(pkg, options);
  return prepared.skipped ? prepared : withResult(prepared, await importJats(prepared.input));
}

export type ImportJatsPackageOutcome = { ok: true; result: ImportJatsPackageResult } | { ok: false; error: unknown };

/** Packages a batch import (npm run import:jats) hands importJatsPackages at a time: a commit's cost
 * shared by many articles, and a line per file every moment or so. */
export const IMPORT_BATCH_FILES = 20;

/** Files held for one batch's transaction: the write is made when the packages' files reach this. */
const BATCH_ASSET_BYTES = 32 * 1024 * 1024;

/**
 * Imports packages as importJatsPackage does, writing those that need it in few transactions
 * (importJatsBatch: one commit for many articles, up to BATCH_ASSET_BYTES of files each; a failure
 * there fails only its own file). Each package has its own outcome, in order.
 */
export async function importJatsPackages(
  pkgs: JatsPackage[],
  options: ImportJatsPackageOptions = {},
): Promise<ImportJatsPackageOutcome[]> {
  const outcomes: ImportJatsPackageOutcome[] = [];
  let batch: { at: number; prepared: Extract<PreparedPackage, { skipped: false }> }[] = [];
  let batchBytes = 0;
  const write = async () => {
    const written = await importJatsBatch(batch.map((b) => b.prepared.input));
    batch.forEach(({ at, prepared }, i) => {
      const outcome = written[i]!;
      outcomes[at] = outcome.ok ? { ok: true, result: withResult(prepared, outcome.result) } : outcome;
    });
    batch = [];
    batchBytes = 0;
  };
  for (const pkg of pkgs) {
    const at = outcomes.length;
    try {
      const prepared = await preparePackage(pkg, options);
      if (prepared.skipped) {
        outcomes.push({ ok: true, result: prepared });
        continue;
      }
      // Its outcome is the batch's, once written.
      outcomes.push({ ok: false, error: null });
      batch.push({ at, prepared });
      batchBytes += prepared.input.assets?.stored.reduce((sum, a) => sum + a.bytes.length, 0) ?? 0;
      if (batchBytes >= BATCH_ASSET_BYTES) await write();
    } catch (error) {
      outcomes.push({ ok: false, error });
    }
  }
  if (batch.length > 0) await write();
  return outcomes;
}
