// The last gate before storage: whatever the converter produced, only this allowlist is kept,
// so stored HTML is safe to render with dangerouslySetInnerHTML.
import sanitizeHtml from 'sanitize-html';

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'section', 'h2', 'h3', 'h4', 'h5', 'p', 'a', 'sup', 'sub', 'em', 'strong', 'span', 'u', 'code', 'br', 'hr',
    'figure', 'figcaption', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'ol', 'ul', 'li', 'dl', 'dt', 'dd', 'blockquote', 'aside', 'div',
  ],
  allowedAttributes: {
    '*': ['id'],
    a: ['href', 'rel'],
    th: ['colspan', 'rowspan', 'align'],
    td: ['colspan', 'rowspan', 'align'],
    col: ['span'],
    figure: ['class'],
    span: ['class'],
    ol: ['class'],
    div: ['class'],
    aside: ['class'],
  },
  allowedClasses: {
    figure: ['table', 'figure'],
    span: ['small-caps', 'label'],
    ol: ['references'],
    div: ['table-foot', 'footnote'],
    aside: ['box'],
  },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  selfClosing: ['br', 'hr', 'col'],
  disallowedTagsMode: 'discard',
};

/** Keeps only the allowlisted tags, attributes and http(s)/fragment links. */
export function sanitizeJatsHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}
