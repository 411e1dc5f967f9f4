'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedActionWithUser } from '@/lib/http/action';
import {
  deleteSavedSearchSchema,
  FREQUENCY_LABELS,
  renameSavedSearchSchema,
  saveSearchSchema,
  setSavedSearchFrequencySchema,
} from './saved-search-input';
import { startIssueAlert, stopCommentAlert, stopIssueAlert } from './list-alerts';
import { deleteSavedSearch, renameSavedSearch, saveSearch, setSavedSearchFrequency } from './saved-searches';

const ALERTS_PAGE = '/account/alerts';
const refresh = () => revalidatePath(ALERTS_PAGE);

export const saveSearchAction = validatedActionWithUser(saveSearchSchema, async (data, user) => {
  const saved = await saveSearch(user.id, data);
  return {
    ok: true,
    message: `Saved as “${saved.name}” (${FREQUENCY_LABELS[saved.frequency].toLowerCase()}). Manage it on your Alerts page.`,
  };
});

export const renameSavedSearchAction = validatedActionWithUser(renameSavedSearchSchema, async (data, user) => {
  await renameSavedSearch(user.id, data);
  refresh();
  return { ok: true, message: `Renamed to “${data.name}”.` };
});

export const setSavedSearchFrequencyAction = validatedActionWithUser(
  setSavedSearchFrequencySchema,
  async (data, user) => {
    await setSavedSearchFrequency(user.id, data);
    refresh();
    return { ok: true, message: `Email: ${FREQUENCY_LABELS[data.frequency].toLowerCase()}.` };
  },
);

export const deleteSavedSearchAction = validatedActionWithUser(deleteSavedSearchSchema, async (data, user) => {
  await deleteSavedSearch(user.id, data);
  refresh();
  return { ok: true, message: 'The saved search was deleted.' };
});

const id = z.string().min(1).max(40);

export const startIssueAlertAction = validatedActionWithUser(z.object({ journalId: id }), async (data, user) => {
  await startIssueAlert(user.id, data.journalId);
  refresh();
  return { ok: true, message: 'Table of Contents alerts are on.' };
});

export const stopIssueAlertAction = validatedActionWithUser(z.object({ journalId: id }), async (data, user) => {
  await stopIssueAlert(user.id, data.journalId);
  refresh();
  return { ok: true, message: 'Table of Contents alerts are off.' };
});

export const stopCommentAlertAction = validatedActionWithUser(z.object({ articleId: id }), async (data, user) => {
  await stopCommentAlert(user.id, data.articleId);
  refresh();
  return { ok: true, message: 'Comment alerts for the article are off.' };
});
