// The text of every page of a PDF, as a reader's copy-and-paste would give it.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function readPdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n').replace(/[ \t]+/g, ' ');
}
