// GET /doi/<doi>/first-page.png – the first page of the PDF as an image ("View Large").
import { firstPageImageRoute } from '../first-page-image-response';

export const GET = firstPageImageRoute('png');
