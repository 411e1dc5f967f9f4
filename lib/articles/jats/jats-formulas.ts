// Formulas in JATS → HTML: `disp-formula` a block with its label and id (so xrefs reach it),
// `inline-formula` inline; each shows one rendering: MathML, else its TeX turned into MathML,
// else its image (never the TeX source beside the formula).
import { childElements, isElement, textOf, type Element, type Node } from './jats-dom';
import { escapeHtml, idAttr, nodeToHtml, type HtmlContext } from './jats-to-html';
import { isMathElement, mathmlToHtml } from './mathml-to-html';
import { texToMathml } from './tex-to-mathml';

export function dispFormulaToHtml(el: Element, ctx: HtmlContext): string {
  const label = childElements(el, 'label')[0];
  // The space keeps "(1)" apart from the formula in extracted text.
  const labelHtml = label && textOf(label) ? ` <span class="formula-label">${escapeHtml(textOf(label))}</span>` : '';
  return `<div class="disp-formula"${idAttr(el)}>${formulaContent(el, ctx, true)}${labelHtml}</div>`;
}

export function inlineFormulaToHtml(el: Element, ctx: HtmlContext): string {
  return `<span class="inline-formula"${idAttr(el)}>${formulaContent(el, ctx, false)}</span>`;
}

/** A lone `tex-math`: MathML, or, when it cannot be read, its source as code (reported). */
export function texMathToHtml(el: Element, ctx: HtmlContext, display = false): string {
  const math = texToMathml(textOf(el), { display });
  if (math) return math;
  ctx.unhandled?.set('tex-math', (ctx.unhandled.get('tex-math') ?? 0) + 1);
  return `<code>${escapeHtml(textOf(el))}</code>`;
}

function formulaContent(el: Element, ctx: HtmlContext, display: boolean): string {
  let out = '';
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) {
    if (!isElement(n)) {
      out += nodeToHtml(n, ctx);
      continue;
    }
    if (n.nodeName === 'label') continue;
    if (isMathElement(n)) out += mathmlToHtml(n, { display });
    else if (n.nodeName === 'tex-math') out += texMathToHtml(n, ctx, display);
    else if (n.nodeName === 'alternatives') out += formulaAlternativeToHtml(n, ctx, display);
    else out += nodeToHtml(n, ctx);
  }
  return out;
}

/**
 * The one rendering of a formula's `<alternatives>`: MathML, else TeX that converts, else whatever
 * else the first thing it offers instead (its image).
 */
export function formulaAlternativeToHtml(el: Element, ctx: HtmlContext, display = false): string {
  const options = childElements(el);
  const math = options.find(isMathElement);
  if (math) return mathmlToHtml(math, { display });
  for (const tex of options.filter((o) => o.nodeName === 'tex-math')) {
    const converted = texToMathml(textOf(tex), { display });
    if (converted) return converted;
  }
  const image = options.find((o) => o.nodeName !== 'tex-math');
  if (image) return nodeToHtml(image, ctx);
  // Only TeX that temml cannot read: its source, reported, is all there is.
  const tex = options[0];
  return tex ? texMathToHtml(tex, ctx, display) : '';
}
