// What the article page shows that may differ between readers, as one value: the shared page
// (app/(article)/doi/…) fills it for an anonymous visitor, the per-reader page
// (app/(reader)/reader/doi/…) for whoever asks; one page component renders either
// (components/article/article-view.tsx). Types only, so client components may import them.
import type { AccessDecision } from '@/lib/access/decide-access';
import type { CommentsReply } from '@/lib/comments/comments-reply';
import type { SidebarLayout } from '@/lib/related/box-order';
import type { CommentView } from '@/lib/comments/comments-reply';
import type { ArticleCme } from '@/lib/cme/get-article-cme';
import type { PubmedResult } from '@/lib/related/get-pubmed-articles';
import type { CitedBy } from '@/lib/related/list-citations';
import type { RelatedArticle } from '@/lib/related/list-related-articles';
import type { FormattedCitation } from './format-citation-styles';
import type { ArticlePage } from './get-article-page';
import type { ReaderToolsReply } from '@/lib/related/reader-tools-reply';
import type { TextSize } from './text-size';

/** The gated text, present only when the access decision said yes for this reader. */
export type ArticleText = {
  source: AccessDecision['source'];
  reason: string | null;
  /** A 24-hour purchase's end (ISO), for the countdown. */
  until: string | null;
  fullTextHtml: string;
};

export type ArticleReaderParts = {
  text: ArticleText | null;
  comments: CommentsReply;
  tools: ReaderToolsReply;
  /** null on the shared page: /related-order.js paints the browser's saved order from its cookie. */
  layout: SidebarLayout | null;
  /** The signed-in reader's layout kept on the server, which this browser's cookie then follows. */
  accountLayout: SidebarLayout | null;
  /** null on the shared page: /text-size.js applies the cookie. */
  textSize: TextSize | null;
  pubmed: PubmedResult;
};

/** What the page shows that is the same for every reader of the article (no gated text). */
export type ArticleSharedParts = {
  seeAlso: RelatedArticle[];
  byTopic: RelatedArticle[];
  citedBy: CitedBy;
  /** The article's newest CME activity, if any. */
  cme: ArticleCme | null;
  approvedComments: CommentView[];
  /** "Cite This Article" in each style. */
  citations: FormattedCitation[];
};

/** Everything the article page component renders. */
export type ArticleViewData = { article: ArticlePage; shared: ArticleSharedParts; parts: ArticleReaderParts };
