// POST /api/admin/institutions – create an institution (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { institutionSchema, createInstitution } from '@/lib/admin/institutions';

export const POST = adminRoute(institutionSchema, createInstitution);
