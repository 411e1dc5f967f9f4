// Reads a typesetter's zip (PMC style: the XML and its images side by side) with its hazards
// guarded: every name is checked before anything is inflated, the inflated total is bounded by the
// sizes the zip declares (fflate never writes past them), and a lying size is caught afterwards.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { JatsImportError } from '../jats/jats-import-error';
import { packagesFromFiles, type JatsPackage } from './jats-package';

export const ZIP_LIMITS = {
  /** Sum of all inflated files. */
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntries: 5000,
  /** Inflated size ÷ compressed size above which a large entry is taken for a bomb. */
  maxRatio: 200,
};

const IGNORED = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$)/;

/** Why this entry name is unsafe, or null: absolute paths, drive letters, backslashes and ".." are refused. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\\')) return 'uses a backslash';
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return 'is an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'points outside the package ("..")';
  if (/[\u0000-\u001f]/.test(name)) return 'contains control characters';
  return null;
}

/** The packages (one per XML file) in a zip; throws JatsImportError, before inflating anything, for a hostile zip. */
export function readZipPackages(bytes: Uint8Array, zipName: string, limits = ZIP_LIMITS): JatsPackage[] {
  const refuse = (why: string) => new JatsImportError(`${zipName}: ${why}; nothing was imported`);
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        entries.push(entry);
        return false;
      },
    });
  } catch {
    throw refuse('not a readable zip file');
  }
  if (entries.length > limits.maxEntries) throw refuse(`more than ${limits.maxEntries} files`);
  let total = 0;
  for (const entry of entries) {
    const unsafe = unsafeEntryName(entry.name);
    if (unsafe) throw refuse(`the entry "${entry.name}" ${unsafe}`);
    total += entry.originalSize;
    if (entry.originalSize > 1024 * 1024 && entry.originalSize > entry.size * limits.maxRatio)
      throw refuse(
        `the entry "${entry.name}" inflates ${Math.round(entry.originalSize / entry.size)}-fold (a zip bomb?)`,
      );
  }
  if (total > limits.maxTotalBytes)
    throw refuse(
      `its files would take ${Math.round(total / 1048576)} MB, more than ${limits.maxTotalBytes / 1048576} MB`,
    );
  const declared = new Map(entries.map((e) => [e.name, e.originalSize]));
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(bytes, { filter: (e) => !e.name.endsWith('/') && !IGNORED.test(e.name) });
  } catch {
    throw refuse('a file in it is damaged');
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(inflated)) {
    if (data.length !== declared.get(name)) throw refuse(`the entry "${name}" is not the size the zip declares`);
    files.set(name, data);
  }
  const packages = packagesFromFiles(files, zipName);
  if (packages.length === 0) throw refuse('no .xml or .nxml file in it');
  return packages;
}
