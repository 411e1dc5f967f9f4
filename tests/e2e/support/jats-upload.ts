// Imports a JATS file the way an editor does (admin console upload), and removes it afterwards,
// so specs can check real imported articles without changing the seeded journal for the others.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Browser } from '@playwright/test';
import { DEMO_PASSWORD } from './auth';
import { sql } from './db';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/jats');

/**
 * Uploads tests/fixtures/jats/<file> (or a package given as bytes) on /admin/articles; returns the
 * messages the admin saw. A lone XML file has no package around it, so by default the import is
 * told to go ahead without the files the XML references.
 */
export async function uploadJatsAsAdmin(
  browser: Browser,
  file: string,
  { bytes, allowMissingAssets = true }: { bytes?: Buffer; allowMissingAssets?: boolean } = {},
): Promise<string> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  // Its own sign-in with a longer wait: as a spec's first request, bcrypt and a cold server can take over 5 s.
  await admin.goto(`/signin?callbackUrl=${encodeURIComponent('/admin/articles')}`);
  await admin.getByLabel('Email').fill('admin@example.com');
  await admin.getByLabel('Password').fill(DEMO_PASSWORD);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin).toHaveURL(/\/admin\/articles$/, { timeout: 30_000 });
  await admin.getByLabel('JATS XML file').setInputFiles({
    name: path.basename(file),
    mimeType: file.endsWith('.zip') ? 'application/zip' : 'application/xml',
    buffer: bytes ?? fs.readFileSync(path.join(fixtures, file)),
  });
  if (allowMissingAssets) await admin.getByLabel('Import even if files the XML references are missing').check();
  await admin.getByRole('button', { name: 'Import article' }).click();
  const outcome = admin.getByRole('status').filter({ hasText: 'Saved.' });
  await expect(outcome).toBeVisible({ timeout: 30_000 });
  const text = await outcome.innerText();
  await context.close();
  return text;
}

/** Deletes an imported test article (its files, purchases and audit-free rows cascade). */
export async function removeArticle(doi: string): Promise<void> {
  await sql('DELETE FROM "Article" WHERE doi = $1', [doi]);
}
