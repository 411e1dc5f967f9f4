// POST /api/admin/members/import – import society members from CSV (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { importMembersSchema, importMembers } from '@/lib/admin/import-members';

export const POST = adminRoute(importMembersSchema, importMembers);
