import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { ActionForm } from '@/components/ui/action-form';
import { editArticleAction, importArticleAction, publishIssueAction } from '@/lib/admin/actions';
import { articlePath } from '@/lib/articles/article-path';
import { listArticlesForAdmin, listIssuesForAdmin, MAX_PACKAGE_BYTES } from '@/lib/admin/articles';
import { requireAdmin } from '@/lib/admin/require-admin';
import { formatDate } from '@/lib/format-date';

export const metadata = { title: 'Articles' };

export default async function AdminArticles() {
  await requireAdmin('/admin/articles');
  const [articles, issues] = await Promise.all([listArticlesForAdmin(), listIssuesForAdmin()]);
  return (
    <>
      <h1>Articles</h1>
      <section aria-labelledby="upload-heading" className="box">
        <h2 id="upload-heading" className="box__title">
          Upload JATS XML
        </h2>
        <p>
          A new DOI creates an article; a known DOI updates it. The PDF and first-page preview are made from the text.
          Upload a .zip package (as typesetters and PMC deliver them) to import the figure images, media and
          supplementary files the XML references; an article whose package lacks one is refused unless you allow it.
        </p>
        <ActionForm
          action={importArticleAction}
          fields={[
            {
              type: 'file',
              name: 'xml',
              label: 'JATS XML file or package (.zip)',
              accept: '.xml,.nxml,.zip,application/xml,text/xml,application/zip',
              maxBytes: MAX_PACKAGE_BYTES,
            },
            {
              type: 'checkbox',
              name: 'allowMissingAssets',
              label: 'Import even if files the XML references are missing (their figures show only captions)',
            },
          ]}
          submitLabel="Import article"
          className="admin-form"
        />
      </section>
      <section aria-labelledby="issues-heading" className="box">
        <h2 id="issues-heading" className="box__title">
          Issues
        </h2>
        <ul>
          {issues.map((i) => (
            <li key={i.id}>
              Vol {i.volume}, No. {i.number}, {i.dateLabel} ({i._count.articles} articles)
              {i.isCurrent ? ' · current' : ''} ·{' '}
              <a href={`/api/admin/crossref/deposit?issue=${encodeURIComponent(i.id)}`} download>
                Crossref deposit XML
              </a>
              {i.publishedAt ? (
                ` · published ${formatDate(i.publishedAt)}`
              ) : (
                <ActionForm
                  action={publishIssueAction}
                  hidden={{ issueId: i.id }}
                  fields={[]}
                  submitLabel="Publish: make current and email alerts"
                  confirm="Publish this issue and email its table of contents to readers with alerts?"
                  className="admin-form admin-form--compact"
                />
              )}
            </li>
          ))}
        </ul>
      </section>
      <DataTable
        rows={articles}
        rowKey={(a) => a.id}
        columns={[
          {
            header: 'Article',
            cell: (a) => (
              <>
                <Link href={articlePath(a.doi)}>{a.title}</Link>
                <br />
                <small>
                  {a.doi} ·{' '}
                  <a href={`/api/admin/crossref/deposit?article=${encodeURIComponent(a.id)}`} download>
                    Crossref deposit XML
                  </a>
                </small>
              </>
            ),
          },
          {
            header: 'Access and topics',
            cell: (a) => (
              <ActionForm
                action={editArticleAction}
                hidden={{ articleId: a.id, expectedUpdatedAt: a.updatedAt.toISOString() }}
                fields={[
                  { type: 'checkbox', name: 'isFree', label: 'Free to read', defaultChecked: a.isFree },
                  {
                    type: 'textarea',
                    name: 'topics',
                    label: 'Topics',
                    defaultValue: a.topics.map((t) => t.topic.name).join('\n'),
                    hint: 'One per line.',
                  },
                  {
                    type: 'textarea',
                    name: 'seeAlso',
                    label: 'See Also (DOIs)',
                    defaultValue: [...a.seeAlsoFrom.map((l) => l.to.doi), ...a.seeAlsoTo.map((l) => l.from.doi)].join(
                      '\n',
                    ),
                    hint: 'One DOI per line; the link shows on both articles.',
                  },
                ]}
                submitLabel="Save"
                className="admin-form admin-form--compact"
              />
            ),
          },
        ]}
      />
    </>
  );
}
