/** Applies pending migrations through @baton/db's offline runner (an ES module). */
export async function migrate(databaseUrl: string): Promise<void> {
  // A real dynamic import: the runner is ESM, and TypeScript would turn `import()` into require().
  const load = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{
    deploy(url: string): Promise<string[]>
  }>
  const { deploy } = await load('@baton/db/migrate')
  const applied = await deploy(databaseUrl)
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`)
}
