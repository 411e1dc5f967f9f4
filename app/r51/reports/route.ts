// GET /r51/reports – the reports this platform offers, with the months that have usage (R5.1 §8.1).
import { counterRoute } from '@/lib/counter/counter-route';
import { authenticateCounterRequest } from '@/lib/counter/counter-credentials';
import { listCounterReports } from '@/lib/counter/list-counter-reports';

export const dynamic = 'force-dynamic';

export const GET = counterRoute(async (_request, query) => listCounterReports(await authenticateCounterRequest(query)));
