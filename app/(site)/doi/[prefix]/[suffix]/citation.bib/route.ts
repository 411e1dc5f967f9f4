// GET /doi/<doi>/citation.bib – the citation for reference managers (BibTeX).
import type { DoiParams } from '@/lib/articles/article-path';
import { downloadCitation } from '@/lib/articles/citation-route';
import { htmlRoute } from '@/lib/http/html-route';

export const GET = htmlRoute(async (_request: Request, { params }: { params: Promise<DoiParams> }) => {
  return downloadCitation(await params, 'bibtex');
});
