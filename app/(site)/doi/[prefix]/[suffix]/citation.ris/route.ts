// GET /doi/<doi>/citation.ris – the citation for reference managers (RIS).
import type { DoiParams } from '@/lib/articles/article-path';
import { downloadCitation } from '@/lib/articles/citation-download';

export async function GET(_request: Request, { params }: { params: Promise<DoiParams> }) {
  return downloadCitation(await params, 'ris');
}
