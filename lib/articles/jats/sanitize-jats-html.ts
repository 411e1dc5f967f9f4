// The last gate before storage: whatever the converter produced, only this allowlist is kept,
// so stored HTML is safe to render with dangerouslySetInnerHTML.
import sanitizeHtml from 'sanitize-html';
import { MATH_ATTRIBUTES, MATH_TAGS } from './mathml-to-html';

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'section',
    'h2',
    'h3',
    'h4',
    'h5',
    'p',
    'a',
    'sup',
    'sub',
    'em',
    'strong',
    'span',
    'u',
    'code',
    'br',
    'hr',
    'figure',
    'figcaption',
    'table',
    'caption',
    'colgroup',
    'col',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'ol',
    'ul',
    'li',
    'dl',
    'dt',
    'dd',
    'blockquote',
    'aside',
    'div',
    // MathML Core, with the presentational attributes it defines (no href, no style, no maction).
    ...MATH_TAGS,
  ],
  allowedAttributes: {
    ...MATH_ATTRIBUTES,
    '*': ['id'],
    a: ['href', 'rel'],
    th: [
      'colspan',
      'rowspan',
      'align',
      { name: 'scope', multiple: false, values: ['col', 'row', 'colgroup', 'rowgroup'] },
    ],
    table: ['aria-labelledby'],
    td: ['colspan', 'rowspan', 'align'],
    col: ['span'],
    figure: ['class'],
    span: ['class'],
    ol: ['class', { name: 'type', multiple: false, values: ['1', 'a', 'A', 'i', 'I'] }],
    ul: ['class'],
    p: ['class'],
    // A wide table's scroll region: focusable (keyboard scrolling) and named after its caption.
    div: [
      'class',
      { name: 'role', multiple: false, values: ['region'] },
      { name: 'tabindex', multiple: false, values: ['0'] },
      'aria-labelledby',
      'aria-label',
    ],
    aside: ['class'],
    section: ['class'],
  },
  allowedClasses: {
    figure: ['table', 'figure'],
    span: ['small-caps', 'label', 'inline-formula', 'formula-label'],
    ol: ['references'],
    ul: ['list-simple'],
    p: ['attrib'],
    div: ['table-foot', 'table-scroll', 'footnote', 'supplementary', 'media', 'disp-formula', 'disp-formula-group'],
    aside: ['box'],
    section: ['abstract-extra', 'sub-article'],
  },
  // mailto: for corresponding authors' addresses; nothing else but web links.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  selfClosing: ['br', 'hr', 'col'],
  disallowedTagsMode: 'discard',
};

/** Keeps only the allowlisted tags, attributes and http(s)/fragment links. */
export function sanitizeJatsHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}
