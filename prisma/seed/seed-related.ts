import 'server-only';
import { db } from '@/lib/db';

export const SEED_COMMENTARY_DOI = '10.1001/archdermatol.2011.3156';
export const SEED_LETTER_DOI = '10.1001/archderm.148.4.543';

/**
 * Sample PubMed similar-articles list for the commentary, keyed by article id with a sample
 * PMID (the seed articles carry none; an imported <article-id pub-id-type="pmid"> takes
 * precedence), so the box has something to show offline. Refetched after PUBMED_CACHE_HOURS.
 */
const SAMPLE_PMID = '22508893';
const SAMPLE_PUBMED = [
  {
    pmid: '21592453',
    title: 'The DRESS syndrome: a literature review.',
    journal: 'The American journal of medicine',
    year: 2011,
  },
  {
    pmid: '23375293',
    title: 'DRESS syndrome: Part II. Management and therapeutics.',
    journal: 'Journal of the American Academy of Dermatology',
    year: 2013,
  },
  {
    pmid: '23855457',
    title: 'The RegiSCAR scoring system for DRESS: a validation study.',
    journal: 'The British journal of dermatology',
    year: 2013,
  },
];

/** Citing works shown in "Cited By" until Crossref is configured: examples, and labelled so. */
const EXAMPLE_CITATIONS = [
  {
    title: 'DRESS syndrome: Part II. Management and therapeutics',
    authors: ['Zain Husain', 'Bobby Y. Reddy', 'Robert A. Schwartz'],
    journal: 'Journal of the American Academy of Dermatology',
    year: 2013,
    doi: '10.1016/j.jaad.2013.01.032',
  },
  {
    title:
      'Drug Reaction with Eosinophilia and Systemic Symptoms (DRESS): An Interplay among Drugs, Viruses, and Immune System',
    authors: ['Yung-Tsu Cho', 'Che-Wen Yang', 'Chia-Yu Chu'],
    journal: 'International Journal of Molecular Sciences',
    year: 2017,
    doi: '10.3390/ijms18061243',
  },
  {
    title:
      'Drug reaction with eosinophilia and systemic symptoms (DRESS): an original multisystem adverse drug reaction. Results from the prospective RegiSCAR study',
    authors: [
      'Sylvia H. Kardaun',
      'Peggy Sekula',
      'Laurence Valeyrie-Allanore',
      'Yvonne Liss',
      'Chia-Yu Chu',
      'Daniel Creamer',
    ],
    journal: 'British Journal of Dermatology',
    year: 2013,
    doi: '10.1111/bjd.12501',
  },
];

/** See Also link, PubMed sample cache and example citations for the sample journal. */
export async function seedRelated(now = new Date()): Promise<void> {
  const [commentary, letter] = await Promise.all([
    db.article.findUnique({ where: { doi: SEED_COMMENTARY_DOI }, select: { id: true } }),
    db.article.findUnique({ where: { doi: SEED_LETTER_DOI }, select: { id: true } }),
  ]);
  if (!commentary || !letter) return;
  await db.articleLink.create({ data: { fromArticleId: commentary.id, toArticleId: letter.id } });
  await db.pubmedCache.create({
    data: { articleId: commentary.id, pmid: SAMPLE_PMID, items: SAMPLE_PUBMED, fetchedAt: now },
  });
  await db.citation.createMany({
    data: [
      ...EXAMPLE_CITATIONS.map((c) => ({ ...c, articleId: commentary.id, source: 'example' as const })),
      ...EXAMPLE_CITATIONS.slice(0, 2).map((c) => ({ ...c, articleId: letter.id, source: 'example' as const })),
    ],
  });
}
