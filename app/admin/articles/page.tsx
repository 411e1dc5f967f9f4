import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { AdminForm } from '@/components/admin/admin-form';
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
        <AdminForm
          endpoint="/api/admin/articles/import"
          fields={[
            {
              kind: 'file',
              name: 'xml',
              label: 'JATS XML file or package (.zip)',
              accept: '.xml,.nxml,.zip,application/xml,text/xml,application/zip',
              maxBytes: MAX_PACKAGE_BYTES,
              binary: true,
            },
            {
              kind: 'checkbox',
              name: 'allowMissingAssets',
              label: 'Import even if files the XML references are missing (their figures show only captions)',
            },
          ]}
          submitLabel="Import article"
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
                <AdminForm
                  endpoint="/api/admin/issues/publish"
                  hidden={{ issueId: i.id }}
                  fields={[]}
                  submitLabel="Publish: make current and email alerts"
                  confirm="Publish this issue and email its table of contents to readers with alerts?"
                  compact
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
              <AdminForm
                endpoint="/api/admin/articles/edit"
                hidden={{ articleId: a.id, expectedUpdatedAt: a.updatedAt.toISOString() }}
                fields={[
                  { kind: 'checkbox', name: 'isFree', label: 'Free to read', defaultChecked: a.isFree },
                  {
                    kind: 'list',
                    name: 'topics',
                    label: 'Topics',
                    defaultValue: a.topics.map((t) => t.topic.name),
                    hint: 'One per line.',
                  },
                  {
                    kind: 'list',
                    name: 'seeAlso',
                    label: 'See Also (DOIs)',
                    defaultValue: [...a.seeAlsoFrom.map((l) => l.to.doi), ...a.seeAlsoTo.map((l) => l.from.doi)],
                    hint: 'One DOI per line; the link shows on both articles.',
                  },
                ]}
                submitLabel="Save"
                compact
              />
            ),
          },
        ]}
      />
    </>
  );
}
