import Link from 'next/link';

/** Article tools. Citation export, alerts and saving arrive with later issues; the PDF is gated by its route. */
export function ArticleTools({ pdfHref, hasPdf }: { pdfHref: string; hasPdf: boolean }) {
  return (
    <section className="box article-tools" aria-labelledby="tools-heading">
      <h2 id="tools-heading" className="box__title">
        Article Tools
      </h2>
      <p className="box__note">Some tools below are only available to our subscribers or users with an online account.</p>
      <ul className="article-tools__list">
        {hasPdf && (
          <li>
            <a href={pdfHref}>PDF</a>
          </li>
        )}
        <li>
          <Link href="#cite">Cite this article</Link>
        </li>
      </ul>
    </section>
  );
}
