// POST /api/admin/articles/edit – mark free/paid and set topics (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { articleEditSchema, editArticle } from '@/lib/admin/articles';

export const POST = adminRoute(articleEditSchema, editArticle);
