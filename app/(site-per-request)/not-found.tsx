import { NotFoundMessage } from '@/components/ui/not-found-message';

// notFound() inside this layout, which already has the site's header and footer.
export default function NotFound() {
  return <NotFoundMessage />;
}
