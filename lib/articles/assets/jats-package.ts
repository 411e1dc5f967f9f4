// An article package: one JATS XML file and the files beside it that it may reference.

export type JatsPackage = {
  /** For messages and Article.sourceFile: "pone.0046493.nxml" or "bundle.zip:pone.0046493.nxml". */
  name: string;
  xml: Uint8Array;
  /** Paths relative to the XML file's folder. */
  fileNames: string[];
  readFile: (name: string) => Uint8Array;
};

const XML_FILE = /\.(xml|nxml)$/i;

export function isXmlFileName(name: string): boolean {
  return XML_FILE.test(name);
}

/**
 * One package per XML file among `files` (paths inside a zip or folder): its assets are the other
 * files in its folder and below.
 */
export function packagesFromFiles(files: Map<string, Uint8Array>, sourceName: string): JatsPackage[] {
  const names = [...files.keys()];
  return names.filter(isXmlFileName).map((xmlPath) => {
    const folder = xmlPath.includes('/') ? xmlPath.slice(0, xmlPath.lastIndexOf('/') + 1) : '';
    const fileNames = names
      .filter((n) => n !== xmlPath && n.startsWith(folder) && !isXmlFileName(n))
      .map((n) => n.slice(folder.length));
    return {
      name: sourceName ? `${sourceName}:${xmlPath}` : xmlPath,
      xml: files.get(xmlPath)!,
      fileNames,
      readFile: (name: string) => {
        const bytes = files.get(folder + name);
        if (!bytes) throw new Error(`${name} is not in the package`);
        return bytes;
      },
    };
  });
}
