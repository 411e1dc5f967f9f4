// POST /api/admin/institutions/librarians – make an account a librarian of an institution (admins only).
import { adminRoute } from '@/lib/admin/admin-route';
import { assignLibrarian, assignLibrarianSchema } from '@/lib/admin/institution-librarians';

export const POST = adminRoute(assignLibrarianSchema, assignLibrarian);
