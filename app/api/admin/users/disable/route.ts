// POST /api/admin/users/disable – disable or re-enable an account (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { setDisabledSchema, setUserDisabled } from '@/lib/admin/users';

export const POST = adminRoute(setDisabledSchema, setUserDisabled);
