// JATS article-type values as readers name them.
const LABELS: Record<string, string> = {
  'research-article': 'Research article',
  'review-article': 'Review',
  'case-report': 'Case report',
  'brief-report': 'Brief report',
  letter: 'Letter',
  editorial: 'Editorial',
  correction: 'Correction',
  'article-commentary': 'Commentary',
  discussion: 'Discussion',
  abstract: 'Abstract',
  'book-review': 'Book review',
  news: 'News',
  obituary: 'Obituary',
  other: 'Other',
};

export function articleTypeLabel(type: string): string {
  return LABELS[type] ?? type.charAt(0).toUpperCase() + type.slice(1).replace(/-/g, ' ');
}
