// Rows the tests start from: a reader, a journal and a paid article.
import { db } from '@/lib/db';

export async function createReader(email = 'reader@example.org') {
  return db.user.create({ data: { email, name: 'Rea Der', passwordHash: 'not-used-in-these-tests' } });
}

export async function createPaidArticle(doi = '10.1001/archdermatol.2099.1') {
  const journal = await db.journal.upsert({
    where: { slug: 'arch-dermatol' },
    create: { slug: 'arch-dermatol', title: 'Archives of Dermatology', abbreviation: 'Arch Dermatol' },
    update: {},
  });
  return db.article.create({
    data: {
      doi,
      journalId: journal.id,
      articleType: 'research-article',
      title: `Article ${doi}`,
      previewHtml: '<p>Preview</p>',
      fullTextHtml: '<p>Full</p>',
      priceCents: 3000,
      currency: 'usd',
    },
  });
}
