// POST /api/admin/jobs/retry – run a failed background job (e.g. an email) again, audited (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { retryFailedJob, retryJobSchema } from '@/lib/admin/job-failures';

export const POST = adminRoute(retryJobSchema, retryFailedJob);
