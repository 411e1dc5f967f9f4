// POST /api/admin/institutions/deactivate – end an institution's access (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { deactivateSchema, deactivateInstitution } from '@/lib/admin/institutions';

export const POST = adminRoute(deactivateSchema, deactivateInstitution);
