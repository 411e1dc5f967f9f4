import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/account', '/api/', '/cme/transcript', '/checkout'] },
    sitemap: new URL('/sitemap.xml', env.SITE_URL).toString(),
  };
}
