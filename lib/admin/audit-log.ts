import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { dayRange, optionalDay } from './date-range';
import { listPage, pageField } from './paging';

export const auditFilterSchema = z.object({
  action: z.string().trim().max(60).catch('').default(''),
  actor: z.string().trim().max(200).catch('').default(''),
  target: z.string().trim().max(60).catch('').default(''),
  from: optionalDay,
  to: optionalDay,
  page: pageField,
});

export async function listAuditEvents(filter: z.infer<typeof auditFilterSchema>) {
  const where = {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actor ? { actorEmail: { contains: filter.actor, mode: 'insensitive' as const } } : {}),
    ...(filter.target ? { targetType: filter.target } : {}),
    createdAt: dayRange(filter.from, filter.to),
  };
  return listPage(
    filter.page,
    (window) => db.auditEvent.findMany({ where, orderBy: { createdAt: 'desc' }, ...window }),
    () => db.auditEvent.count({ where }),
  );
}
