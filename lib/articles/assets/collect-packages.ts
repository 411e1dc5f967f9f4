import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { JatsImportError } from '../jats/jats-import-error';
import { isXmlFileName, type JatsPackage } from './jats-package';
import { readZipPackages } from './read-zip-package';

/** One thing to import, read only when its turn comes (a batch may hold thousands). */
export type PackageSource = { name: string; load: () => JatsPackage[] };

// A folder beside an XML file is searched this deep for its assets (PMC: flat; some typesetters: graphics/).
const MAX_ASSET_FILES = 5000;

function listFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || out.length >= MAX_ASSET_FILES) continue;
      const relative = prefix + entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${relative}/`);
      else if (entry.isFile()) out.push(relative);
    }
  };
  walk(folder, '');
  return out;
}

/** An XML file on disk, whose assets are the other files in its folder (and below). */
function xmlFilePackage(file: string, folderFiles: string[]): JatsPackage {
  const folder = path.dirname(file);
  return {
    name: path.basename(file),
    xml: fs.readFileSync(file),
    fileNames: folderFiles.filter((n) => !isXmlFileName(n) && !n.toLowerCase().endsWith('.zip')),
    readFile: (name) => fs.readFileSync(path.join(folder, name)),
  };
}

/** The packages named on the command line: XML files, zips, and folders of either (searched recursively). */
export function collectPackageSources(paths: string[]): PackageSource[] {
  const sources: PackageSource[] = [];
  const listings = new Map<string, string[]>();
  const filesOf = (folder: string) => {
    if (!listings.has(folder)) listings.set(folder, listFiles(folder));
    return listings.get(folder)!;
  };
  const addFile = (file: string) => {
    if (file.toLowerCase().endsWith('.zip')) {
      sources.push({
        name: path.basename(file),
        load: () => readZipPackages(fs.readFileSync(file), path.basename(file)),
      });
    } else if (isXmlFileName(file)) {
      // Siblings only (and their subfolders): the folder listing is shared by every XML in it.
      sources.push({ name: path.basename(file), load: () => [xmlFilePackage(file, filesOf(path.dirname(file)))] });
    }
  };
  for (const given of paths) {
    const stat = fs.statSync(given, { throwIfNoEntry: false });
    if (!stat) throw new JatsImportError(`${given}: no such file or folder`);
    if (!stat.isDirectory()) {
      if (!isXmlFileName(given) && !given.toLowerCase().endsWith('.zip'))
        throw new JatsImportError(`${given}: expected a .xml, .nxml or .zip file, or a folder`);
      addFile(given);
      continue;
    }
    for (const relative of filesOf(given).sort()) addFile(path.join(given, relative));
  }
  return sources;
}
