/**
 * `npm run report`: the knowledge-gap and feedback report from the store the app would use (DATA_DIR or
 * DATABASE_URL, read the same way). `-- --json` prints one JSON object; `-- --days N` sets the period (default 30).
 */
import { loadConfig } from '../src/config.ts';
import { openStore, type Report } from '../src/store/index.ts';

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  const days = Number(argValue('--days') ?? 30);
  if (!Number.isFinite(days) || days <= 0) throw new Error('--days must be a positive number');
  const config = loadConfig();
  const store = await openStore(config.store);
  try {
    const report = await store.report(new Date(Date.now() - days * 24 * 60 * 60 * 1000), 50);
    if (process.argv.includes('--json'))
      console.log(JSON.stringify({ days, engine: store.engine, ...report }));
    else console.log(table(days, store.engine, report));
  } finally {
    await store.close();
  }
}

function table(days: number, engine: string, report: Report): string {
  const lines = [
    `PyHire report: the last ${days} days (${engine} store)`,
    '',
    'Looked for, not found (misses and weak matches):',
  ];
  if (report.misses.length === 0) lines.push('  none');
  for (const m of report.misses) lines.push(`  ${String(m.count).padStart(5)}  ${m.query}`);
  lines.push('', 'Feedback (most "not helpful" first):');
  if (report.feedback.length === 0) lines.push('  none');
  for (const f of report.feedback) {
    const reasons = Object.entries(f.reasons)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ');
    lines.push(
      `  ${f.target.padEnd(36)} helpful ${String(f.helpful).padStart(4)}  not helpful ${String(f.notHelpful).padStart(4)}${reasons ? `  (${reasons})` : ''}`,
    );
  }
  lines.push('', 'Usage per surface:');
  if (report.usage.length === 0) lines.push('  none');
  for (const u of report.usage) lines.push(`  ${u.surface.padEnd(10)} ${u.count}`);
  return lines.join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
