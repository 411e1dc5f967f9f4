import Link from 'next/link';
import { AdminForm } from '@/components/admin/admin-form';
import { articlePath } from '@/lib/articles/article-path';
import { listArticlesForAdmin, MAX_JATS_BYTES } from '@/lib/admin/articles';
import { requireAdmin } from '@/lib/admin/require-admin';

export const metadata = { title: 'Articles' };

export default async function AdminArticles() {
  await requireAdmin('/admin/articles');
  const articles = await listArticlesForAdmin();
  return (
    <>
      <h1>Articles</h1>
      <section aria-labelledby="upload-heading" className="box">
        <h2 id="upload-heading" className="box__title">
          Upload JATS XML
        </h2>
        <p>A new DOI creates an article; a known DOI updates it. The PDF and first-page preview are made from the text.</p>
        <AdminForm
          endpoint="/api/admin/articles/import"
          fields={[{ kind: 'file', name: 'xml', label: 'JATS XML file', accept: '.xml,application/xml,text/xml', maxBytes: MAX_JATS_BYTES }]}
          submitLabel="Import article"
        />
      </section>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Access and topics</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id}>
              <td>
                <Link href={articlePath(a.doi)}>{a.title}</Link>
                <br />
                <small>{a.doi}</small>
              </td>
              <td>
                <AdminForm
                  endpoint="/api/admin/articles/edit"
                  hidden={{ articleId: a.id, expectedUpdatedAt: a.updatedAt.toISOString() }}
                  fields={[
                    { kind: 'checkbox', name: 'isFree', label: 'Free to read', defaultChecked: a.isFree },
                    { kind: 'list', name: 'topics', label: 'Topics', defaultValue: a.topics.map((t) => t.topic.name), hint: 'One per line.' },
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
