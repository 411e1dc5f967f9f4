// GET /doi/<doi>/slides/<figureId> – "Download slide": a PowerPoint slide of one figure or table,
// for signed-in readers who may see that figure (gated ones as the full text).
import { z } from 'zod';
import { doiFromParams, articlePath, type DoiParams } from '@/lib/articles/article-path';
import { readFigureSlide } from '@/lib/articles/slides/read-figure-slide';
import { getReader } from '@/lib/access/get-reader';
import { htmlMessage } from '@/lib/http/html-message';
import { htmlRoute } from '@/lib/http/html-route';
import { recordRequestUsage } from '@/lib/usage/record-request-usage';

const figureIdSchema = z.string().min(1).max(200);

export const GET = htmlRoute(
  async (_request: Request, { params }: { params: Promise<DoiParams & { figureId: string }> }) => {
    const { figureId, ...doiParams } = await params;
    const doi = doiFromParams(doiParams);
    const id = figureIdSchema.safeParse(figureId);
    const result = doi && id.success ? await readFigureSlide(doi, id.data, await getReader()) : null;
    if (!doi || !result) return htmlMessage(404, 'Slide not found', 'This article has no such figure or table.');
    const back = articlePath(doi);
    if (result.status === 'sign-in') {
      return htmlMessage(
        403,
        'Sign in to download slides',
        'PowerPoint slides of figures and tables are for registered readers.',
        {
          href: `/signin?callbackUrl=${encodeURIComponent(back)}`,
          label: 'Sign in',
        },
      );
    }
    await recordRequestUsage([
      { kind: result.status === 'forbidden' ? 'no_license' : 'investigation', target: `slide:${id.data!}`, doi },
    ]);
    if (result.status === 'forbidden') {
      return htmlMessage(
        403,
        'Full text required',
        'This figure belongs to the full text: its slide is available to subscribers, to readers who bought 24-hour access to this article, and through institutions.',
        { href: back, label: 'Back to the article' },
      );
    }
    return new Response(new Uint8Array(result.pptx), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        'Content-Disposition': `attachment; filename="${result.fileName}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
