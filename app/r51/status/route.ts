// GET /r51/status – the COUNTER API's service status (R5.1 §8.1), open to anyone.
import { counterRoute } from '@/lib/counter/counter-route';
import { PLATFORM_NAME } from '@/lib/counter/build-counter-report';

export const dynamic = 'force-dynamic';

export const GET = counterRoute(() =>
  Promise.resolve([
    {
      Description: `COUNTER R5.1 usage reports for ${PLATFORM_NAME}`,
      Service_Active: true,
      Note: 'Authenticate with customer_id, requestor_id and api_key (issued in the librarian portal).',
    },
  ]),
);
