// POST /api/admin/articles/import – import a JATS XML article (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { uploadJatsSchema, uploadJats } from '@/lib/admin/articles';

export const POST = adminRoute(uploadJatsSchema, uploadJats);
