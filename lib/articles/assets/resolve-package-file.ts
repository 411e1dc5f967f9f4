// Finds the file a JATS href names among a package's files. Typesetters often leave the extension
// out ("fig1" for fig1.tif) and PMC zips carry several versions of one image (fig1.jpg, fig1.gif,
// fig1.tif): the best source for conversion wins.

// Highest quality first: TIFF from the typesetter, then lossless PNG, then the web versions.
const IMAGE_PREFERENCE = ['tif', 'tiff', 'png', 'jpg', 'jpeg', 'webp', 'gif'];

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > name.lastIndexOf('/') && dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function normalise(href: string): string {
  let value = href.replace(/\\/g, '/').replace(/^\.\//, '');
  try {
    value = decodeURIComponent(value);
  } catch {
    // A stray "%" is part of the name.
  }
  return value.toLowerCase();
}

/** The package file named by `href` (exact, then by name without extension, then by basename), or null. */
export function resolvePackageFile(href: string, fileNames: string[]): string | null {
  const wanted = normalise(href);
  const byLower = new Map(fileNames.map((name) => [name.toLowerCase(), name]));
  const exact = byLower.get(wanted);
  if (exact) return exact;
  const candidates = (target: string) => {
    const out: string[] = [];
    for (const [lower, name] of byLower) {
      const ext = extensionOf(lower);
      if (ext && lower.slice(0, -(ext.length + 1)) === target) out.push(name);
    }
    return out.sort((a, b) => rank(a) - rank(b));
  };
  const withExtension = candidates(wanted)[0];
  if (withExtension) return withExtension;
  // The XML may name a folder the zip does not have ("graphics/fig1" beside fig1.jpg).
  const base = wanted.slice(wanted.lastIndexOf('/') + 1);
  const byBase = fileNames.filter((name) => {
    const lower = name.toLowerCase();
    const file = lower.slice(lower.lastIndexOf('/') + 1);
    const ext = extensionOf(file);
    return file === base || (ext !== '' && file.slice(0, -(ext.length + 1)) === base);
  });
  return byBase.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

function rank(name: string): number {
  const index = IMAGE_PREFERENCE.indexOf(extensionOf(name));
  return index === -1 ? IMAGE_PREFERENCE.length : index;
}
