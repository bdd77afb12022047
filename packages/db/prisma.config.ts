import { defineConfig } from 'prisma/config'

// Prisma 7 does not load .env; `generate` needs no real database, so a placeholder is fine.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://placeholder@127.0.0.1/placeholder' },
})
