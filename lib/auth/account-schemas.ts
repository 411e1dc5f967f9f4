// Form schemas for accounts, shared by server actions and tests.
import { z } from 'zod';
import { PASSWORD_MAX, passwordProblem } from './password-strength';
import { READER_PROFESSIONS } from './reader-professions';

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Use at most 254 characters.')
  .email('Enter a valid email address.');
export const nameField = z.string().trim().min(1, 'Enter your name.').max(120, 'Use at most 120 characters.');
// Checked with the other fields, so a form shows every problem at once (the check against the
// person's own email needs them all, and runs in the action).
export const newPasswordField = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => value || undefined)
    .optional();
export const registerSchema = z.object({
  name: nameField,
  email: emailField,
  password: newPasswordField,
  profession: z
    .union([z.enum(READER_PROFESSIONS), z.literal('')], { error: 'Choose a profession from the list.' })
    .transform((value) => value || undefined)
    .optional(),
  specialty: optionalText(80),
  // A checkbox: present ("on") when ticked, absent otherwise.
  acceptTerms: z.literal('on', { error: 'Please agree to the Terms of Use and the Privacy Notice.' }),
});
export const forgotPasswordSchema = z.object({ email: emailField });
export const resetPasswordSchema = z.object({ token: z.string().min(10).max(200), password: newPasswordField });
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX),
  password: newPasswordField,
});
// The email is changed on its own form, with the password and a link to the new address.
export const profileSchema = z.object({ name: nameField });
export const activationSchema = z.union([
  z.object({
    memberNumber: z
      .string()
      .trim()
      .min(1, 'Enter your member or subscriber number.')
      .max(40, 'Use at most 40 characters.'),
    lastName: z.string().trim().min(1, 'Enter your last name.').max(80, 'Use at most 80 characters.'),
  }),
  z.object({
    activationCode: z.string().trim().min(4, 'Enter your activation code.').max(40, 'Use at most 40 characters.'),
  }),
]);

export const changeEmailSchema = z.object({
  email: emailField,
  currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX),
});
export const confirmEmailChangeSchema = z.object({ token: z.string().min(10).max(200) });
