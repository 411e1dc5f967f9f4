import Link from 'next/link';
import type { ReaderToolsReply } from '@/lib/related/reader-tools-reply';
import { ReaderTools } from './reader-tools';
import { ShareLink } from './share-link';

type Props = { doi: string; path: string; title: string; hasPdf: boolean; tools: ReaderToolsReply };

/**
 * Article tools. Everything here is the same for every visitor but what needs an account (Save,
 * alerts: rendered for the reader by the per-reader page); the PDF route asks the access decision.
 */
export function ArticleTools({ doi, path, title, hasPdf, tools }: Props) {
  return (
    <section className="box article-tools" aria-labelledby="tools-heading">
      <h2 id="tools-heading" className="box__title">
        Article Tools
      </h2>
      <p className="box__note">
        Some tools below are only available to our subscribers or users with an online account.
      </p>
      <ul className="article-tools__list">
        {hasPdf && (
          <li>
            <a href={`${path}/pdf`}>PDF</a>
          </li>
        )}
        <li>
          <Link href="#cite">Cite this article</Link>
        </li>
        <li>
          <a href={`${path}/citation.ris`} download>
            Download citation (RIS)
          </a>
        </li>
        <li>
          <a href={`${path}/citation.bib`} download>
            Download citation (BibTeX)
          </a>
        </li>
      </ul>
      <ShareLink path={path} title={title} />
      <ReaderTools doi={doi} initial={tools} />
    </section>
  );
}
