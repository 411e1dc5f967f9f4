// `tex-math` → MathML at import, so readers get one native rendering and never the TeX source.
// temml writes MathML Core; its output is read back as XML and passed through the same allowlist
// as the publisher's own MathML (mathml-to-html.ts). `trust` stays off: \href, \url, \class and
// \style are not turned into anything.
import temml from 'temml';
import { parseXmlRoot } from './jats-dom';
import { mathmlToHtml } from './mathml-to-html';

/**
 * The formula inside a typesetter's TeX: PMC files wrap it in a whole document
 * (`\documentclass{minimal}\usepackage…\begin{document}$$…$$\end{document}`).
 */
export function texFormula(source: string): string {
  let tex = source;
  const body = /\\begin\{document\}([\s\S]*?)(\\end\{document\}|$)/.exec(tex);
  if (body) tex = body[1] ?? '';
  tex = tex.trim();
  for (const [open, close] of [
    ['$$', '$$'],
    ['\\[', '\\]'],
    ['\\(', '\\)'],
    ['$', '$'],
  ] as const) {
    if (tex.startsWith(open) && tex.endsWith(close) && tex.length >= open.length + close.length) {
      return tex.slice(open.length, tex.length - close.length).trim();
    }
  }
  return tex;
}

/** MathML HTML for a TeX formula, or null when temml cannot read it (the caller falls back). */
export function texToMathml(source: string, options: { display?: boolean } = {}): string | null {
  const tex = texFormula(source);
  if (!tex) return null;
  let mathml: string;
  try {
    mathml = temml.renderToString(tex, {
      displayMode: options.display ?? false,
      throwOnError: true,
      trust: false,
      // The TeX stays as an annotation: not shown, but there for copying and assistive tools.
      annotate: true,
    });
  } catch {
    return null;
  }
  try {
    return mathmlToHtml(parseXmlRoot(mathml, 'tex-math'), options);
  } catch {
    return null;
  }
}
