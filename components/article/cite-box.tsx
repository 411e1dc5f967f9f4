import type { FormattedCitation } from '@/lib/articles/format-citation-styles';
import { CopyButton } from './copy-button';

/**
 * "Cite This Article": the reference in AMA, APA, Vancouver and Chicago, each with a copy
 * button, from public metadata only (formatted once per article with the shared parts:
 * citeproc takes about 20 ms for the four, too much for every per-reader page view).
 */
export function CiteBox({ citations }: { citations: FormattedCitation[] }) {
  return (
    <section id="cite" className="box cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading" className="box__title">
        Cite This Article
      </h2>
      <dl className="cite-box">
        {citations.map((c) => (
          <div key={c.style} className="cite-box__style">
            <dt>{c.label}</dt>
            <dd>
              <p className="cite-box__text">{c.text}</p>
              <CopyButton text={c.text} label={`Copy the ${c.label} citation`} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
