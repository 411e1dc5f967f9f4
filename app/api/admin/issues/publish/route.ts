// POST /api/admin/issues/publish – make an issue current and send new-issue alerts, once (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { publishIssue, publishIssueSchema } from '@/lib/admin/publish-issue';

export const POST = adminRoute(publishIssueSchema, publishIssue);
