// POST /api/admin/subscriptions/extend – move a subscription's end (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { extendSchema, extendSubscription } from '@/lib/admin/subscriptions';

export const POST = adminRoute(extendSchema, extendSubscription);
