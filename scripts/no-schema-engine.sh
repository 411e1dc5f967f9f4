#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# `prisma generate` only checks that the file exists; migrations use the WASM engine.
echo "Use npm run db:migrate / npm run db:diff (Prisma's schema engine in WASM)." >&2
exit 1
