/** Jobs a worker process finished (completed or failed), summed from its `/metrics`. */
export async function jobsProcessed(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text()
  let total = 0
  for (const line of text.split('\n')) {
    if (line.startsWith('baton_job_duration_seconds_count{')) total += Number(line.split(' ').pop())
  }
  return total
}
