// GET /r51/members – the institutions these credentials may harvest (R5.1 §8.1): its own.
import { counterRoute } from '@/lib/counter/counter-route';
import { authenticateCounterRequest } from '@/lib/counter/counter-credentials';

export const dynamic = 'force-dynamic';

export const GET = counterRoute(async (_request, query) => {
  const customer = await authenticateCounterRequest(query);
  return [{ Customer_ID: customer.id, Institution_Name: customer.name }];
});
