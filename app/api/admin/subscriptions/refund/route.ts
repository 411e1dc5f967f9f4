// POST /api/admin/subscriptions/refund – refund the latest payment and revoke what it paid for (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { refundLatestPayment, refundLatestSchema } from '@/lib/admin/subscriptions';

export const POST = adminRoute(refundLatestSchema, refundLatestPayment);
