// POST /api/admin/users/role – change a user's role (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { setRoleSchema, setUserRole } from '@/lib/admin/users';

export const POST = adminRoute(setRoleSchema, setUserRole);
