import { expect, test } from '@playwright/test';
import { removeArticle, uploadJatsAsAdmin } from './support/jats-upload';

// A hand-written paid test article (tests/fixtures/jats/snippets/back-matter-paid.xml).
const DOI = '10.5555/jats-test.back-matter';
const COI = 'Dr Tester reported receiving consulting fees from Example Pharma outside the submitted work.';
const FUNDING = 'This work was supported by the Example Research Foundation grant ERF-2026-0042.';

test.afterAll(async () => removeArticle(DOI));

test('an imported article shows Article Information (COI, funding, dates) and its summaries to every visitor', async ({
  browser,
  page,
}) => {
  const outcome = await uploadJatsAsAdmin(browser, 'snippets/back-matter-paid.xml');
  // What the import could only keep as text is reported to the editor.
  expect(outcome).toContain('Warning: back-matter-paid.xml: <verse-group> is not rendered as such');

  await page.goto(`/doi/${DOI}`);
  const info = page.getByRole('region', { name: 'Article Information' });
  await expect(info).toBeVisible();
  await expect(info).toContainText(
    `Conflict of Interest Disclosures: ${'Mr Example reported no competing interests.'}`,
  );
  await expect(info).toContainText(COI);
  await expect(info).toContainText(`Funding/Support: ${FUNDING}`);
  await expect(info).toContainText('Accepted for Publication: February 20, 2026');
  await expect(info).toContainText('Corresponding Author: Tess Tester, MD');
  await expect(info.getByRole('link', { name: 'tess.tester@example.org' })).toHaveAttribute(
    'href',
    'mailto:tess.tester@example.org',
  );
  await expect(page.getByRole('heading', { name: 'Key Points' })).toBeVisible();
  // The paid text stays behind the access panel.
  await expect(page.getByText('Sign In to Access Full Content')).toBeVisible();
  await expect(page.getByText('Appendix paragraph that only entitled readers may read')).toHaveCount(0);
});
