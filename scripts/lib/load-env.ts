// Loads .env files the way Next.js does, so scripts and the server see the same settings.
import nextEnv from '@next/env';

export function loadEnv() {
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production');
}
