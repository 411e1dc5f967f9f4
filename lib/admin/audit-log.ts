import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { dayRange, optionalDay } from './date-range';
import { PAGE_SIZE } from './users';

export const auditFilterSchema = z.object({
  action: z.string().trim().max(60).catch('').default(''),
  actor: z.string().trim().max(200).catch('').default(''),
  target: z.string().trim().max(60).catch('').default(''),
  from: optionalDay,
  to: optionalDay,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export async function listAuditEvents(filter: z.infer<typeof auditFilterSchema>) {
  const where = {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actor ? { actorEmail: { contains: filter.actor, mode: 'insensitive' as const } } : {}),
    ...(filter.target ? { targetType: filter.target } : {}),
    createdAt: dayRange(filter.from, filter.to),
  };
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.auditEvent.count({ where }),
  ]);
  return { events, total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
