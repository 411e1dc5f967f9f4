import 'server-only';
import nodemailer from 'nodemailer';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

export type Email = { to: string; subject: string; text: string };

/**
 * Every email is written to the outbox first (so nothing is lost and tests can read links),
 * then sent through SMTP when SMTP_URL is configured, or printed to the server log otherwise.
 */
export async function sendEmail(email: Email): Promise<void> {
  const row = await db.outboxEmail.create({ data: email });
  if (!env.SMTP_URL) {
    console.log(`[email to ${email.to}] ${email.subject}\n${email.text}\n`);
    return;
  }
  try {
    await nodemailer.createTransport(env.SMTP_URL).sendMail({ from: env.EMAIL_FROM, ...email });
    await db.outboxEmail.update({ where: { id: row.id }, data: { sentAt: new Date() } });
  } catch (error) {
    await db.outboxEmail.update({ where: { id: row.id }, data: { error: String(error) } });
    console.error(`Email to ${email.to} not sent; kept in the outbox.`, error);
  }
}
