import { NotFoundMessage } from '@/components/ui/not-found-message';
import { SiteChrome } from '@/components/ui/site-chrome';
import './globals.css';

// An address no route matches: outside every layout, so it brings the site's header and footer itself.
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundMessage />
    </SiteChrome>
  );
}
