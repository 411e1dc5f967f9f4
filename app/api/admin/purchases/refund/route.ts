// POST /api/admin/purchases/refund – refund a 24-hour purchase and revoke its access (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { refundPurchase, refundSchema } from '@/lib/admin/purchases';

export const POST = adminRoute(refundSchema, refundPurchase);
