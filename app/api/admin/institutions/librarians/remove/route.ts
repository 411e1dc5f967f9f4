// POST /api/admin/institutions/librarians/remove – end a librarian's assignment (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { removeLibrarian, removeLibrarianSchema } from '@/lib/admin/institution-librarians';

export const POST = adminRoute(removeLibrarianSchema, removeLibrarian);
