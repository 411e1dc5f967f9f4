// POST /api/admin/subscriptions/grant – grant a complimentary subscription (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { grantSchema, grantComplimentary } from '@/lib/admin/subscriptions';

export const POST = adminRoute(grantSchema, grantComplimentary);
