// POST /api/admin/subscriptions/cancel – cancel now or at period end (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { cancelSchema, cancelSubscription } from '@/lib/admin/subscriptions';

export const POST = adminRoute(cancelSchema, cancelSubscription);
