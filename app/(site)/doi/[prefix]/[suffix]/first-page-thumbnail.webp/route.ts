// GET /doi/<doi>/first-page-thumbnail.webp – the sidebar's First Page Preview, by the same rule.
import { firstPageImageRoute } from '../first-page-image-response';

export const GET = firstPageImageRoute('thumbnail');
