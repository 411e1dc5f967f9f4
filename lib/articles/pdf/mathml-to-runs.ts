// MathML (as the importer stores it) as a faithful line of text: fractions become a/b with
// parentheses where needed, sub/superscripts are lowered/raised runs, roots read sqrt(…).
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import type { Run } from './pdf-blocks';

type Style = Pick<Run, 'isBold' | 'isItalic' | 'script'>;

const isElement = (node: ChildNode): node is Element => isTag(node);
const elements = (node: Element) => node.children.filter(isElement);

function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (!isElement(node)) return '';
  return node.children.map(textOf).join('');
}

/** True when a part needs parentheses to stay one operand in a linear fraction. */
function isCompound(node: Element | undefined): boolean {
  if (!node) return false;
  if (['mi', 'mn', 'mtext', 'msqrt'].includes(node.name)) return false;
  if (node.name === 'msub' || node.name === 'msup' || node.name === 'msubsup') return false;
  return textOf(node).trim().length > 1;
}

function wrap(node: Element | undefined, style: Style, out: Run[]): void {
  const compound = isCompound(node);
  if (compound) out.push({ text: '(', ...style });
  if (node) walk(node, style, out);
  if (compound) out.push({ text: ')', ...style });
}

// A script inside a script stays at the same level: the PDF has one raised and one lowered size.
const scripted = (style: Style, script: 'sup' | 'sub'): Style => ({ ...style, script: style.script ?? script });

function walk(node: Element, style: Style, out: Run[]): void {
  const [first, second, third] = elements(node);
  switch (node.name) {
    case 'annotation':
    case 'annotation-xml':
    case 'none':
    case 'mprescripts':
      return;
    case 'semantics':
      if (first) walk(first, style, out);
      return;
    case 'mi': {
      const text = textOf(node).trim();
      // A single-letter identifier is italic in print; function names (sin, log) are upright.
      const isItalic = node.attribs.mathvariant ? node.attribs.mathvariant.includes('italic') : [...text].length === 1;
      out.push({ text, ...style, isItalic: isItalic || style.isItalic });
      return;
    }
    case 'mn':
    case 'mtext':
    case 'ms':
      out.push({ text: textOf(node), ...style });
      return;
    case 'mo': {
      const op = textOf(node).trim();
      const isSpaced = /^[=<>≤≥≠≈±×÷+−→←∼≅≡∝]$/.test(op);
      out.push({ text: isSpaced ? ` ${op} ` : op, ...style });
      return;
    }
    case 'mspace':
      out.push({ text: ' ', ...style });
      return;
    case 'mfrac':
      wrap(first, style, out);
      out.push({ text: '/', ...style });
      wrap(second, style, out);
      return;
    case 'msqrt':
      out.push({ text: '√(', ...style });
      elements(node).forEach((child) => walk(child, style, out));
      out.push({ text: ')', ...style });
      return;
    case 'mroot':
      if (second) walk(second, scripted(style, 'sup'), out);
      out.push({ text: '√(', ...style });
      if (first) walk(first, style, out);
      out.push({ text: ')', ...style });
      return;
    case 'msub':
    case 'munder':
      if (first) walk(first, style, out);
      if (second) walk(second, scripted(style, 'sub'), out);
      return;
    case 'msup':
    case 'mover':
      if (first) walk(first, style, out);
      if (second) walk(second, scripted(style, 'sup'), out);
      return;
    case 'msubsup':
    case 'munderover':
      if (first) walk(first, style, out);
      if (second) walk(second, scripted(style, 'sub'), out);
      if (third) walk(third, scripted(style, 'sup'), out);
      return;
    case 'mfenced': {
      out.push({ text: node.attribs.open ?? '(', ...style });
      elements(node).forEach((child, i) => {
        if (i > 0) out.push({ text: node.attribs.separators?.trim()[0] ?? ',', ...style });
        walk(child, style, out);
      });
      out.push({ text: node.attribs.close ?? ')', ...style });
      return;
    }
    case 'mtable':
      elements(node).forEach((row, i) => {
        if (i > 0) out.push({ text: '; ', ...style });
        walk(row, style, out);
      });
      return;
    case 'mtr':
    case 'mlabeledtr':
      elements(node).forEach((cell, i) => {
        if (i > 0) out.push({ text: '  ', ...style });
        walk(cell, style, out);
      });
      return;
    default:
      // math, mrow, mstyle, mpadded, mphantom's siblings, mtd, menclose, merror…: their children in order.
      if (node.name === 'mphantom') return;
      node.children.forEach((child) => {
        if (isElement(child)) walk(child, style, out);
        else if (isText(child) && child.data.trim()) out.push({ text: child.data.trim(), ...style });
      });
  }
}

/** The runs of one `<math>` element, in the style of the text around it. */
export function mathmlToRuns(math: Element, style: Style = {}): Run[] {
  const out: Run[] = [];
  walk(math, style, out);
  return out;
}
