import { forbidden } from 'next/navigation';

// Always 403: what the reader sees is this segment's forbidden.tsx inside the layout.
export default function PdfAccessPage(): never {
  forbidden();
}
