// POST /api/admin/comments/moderate – approve or reject a pending comment, or remove a published one (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { moderateComment, moderateSchema } from '@/lib/admin/moderate-comments';

export const POST = adminRoute(moderateSchema, moderateComment);
