// Shared by the server (which says it) and the sign-in form (which adds a reset link to it).

/** How a throttled sign-in's message begins. */
export const SIGN_IN_THROTTLED = 'Too many sign-in attempts';

/** How it ends; the form makes these words a link to /forgot-password. */
export const RESET_OFFER = 'reset your password.';
