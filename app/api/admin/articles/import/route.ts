// POST /api/admin/articles/import – import a JATS XML article or a zip package with its files (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { MAX_PACKAGE_BYTES, uploadJatsSchema, uploadJats } from '@/lib/admin/articles';

// The package travels as base64 inside JSON: 4/3 of its size, plus the field names.
export const POST = adminRoute(uploadJatsSchema, uploadJats, {
  maxBodyBytes: Math.ceil(MAX_PACKAGE_BYTES / 3) * 4 + 4096,
});
