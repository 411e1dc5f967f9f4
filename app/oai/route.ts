// GET|POST /oai – the OAI-PMH 2.0 repository: public metadata of every article (oai_dc, JATS).
import type { NextRequest } from 'next/server';
import { answerOaiRequest } from '@/lib/oai/oai-response';

export async function GET(request: NextRequest) {
  return answerOaiRequest(request.nextUrl.searchParams.entries());
}

/** POST carries the same arguments as an application/x-www-form-urlencoded body (OAI-PMH 3.1.1.2). */
export async function POST(request: Request) {
  const type = request.headers.get('content-type') ?? '';
  const body = type.startsWith('application/x-www-form-urlencoded') ? await request.text() : '';
  return answerOaiRequest(new URLSearchParams(body).entries());
}
