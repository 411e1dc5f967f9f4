// POST /api/admin/institutions/update – edit an institution (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { updateInstitutionSchema, updateInstitution } from '@/lib/admin/institutions';

export const POST = adminRoute(updateInstitutionSchema, updateInstitution);
