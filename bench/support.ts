/** Shared helpers for the benchmarks: timing, percentiles, a seeded random source, and the compiled build. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
let built = false;

/** Compiles `src` into `dist` and prepares its knowledge, as `npm install` does: what `npm start` runs. Once a run. */
export function buildForStart(): void {
  if (built) return;
  execFileSync(
    process.execPath,
    [
      fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)),
      '-p',
      'tsconfig.build.json',
    ],
    { cwd: ROOT },
  );
  execFileSync(process.execPath, ['dist/prepare-knowledge.js'], { cwd: ROOT });
  built = true;
}

/**
 * The flags `npm start` gives Node: package.json's `start` script is `node <flags> dist/main.js`, each flag one word
 * (`--name` or `--name=value`). A benchmark of the compiled build runs it in a process set up as production's is, and
 * the process tests start the build with them. Any other shape of the script throws, rather than be misread.
 */
export function startNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  };
  const words = manifest.scripts.start.trim().split(/\s+/);
  const flags = words.slice(1, -1);
  if (
    words[0] !== 'node' ||
    words.at(-1) !== 'dist/main.js' ||
    !flags.every((f) => /^--[\w-]+(=\S+)?$/.test(f))
  )
    throw new Error(
      `package.json start script is not "node <--flag[=value]...> dist/main.js": ${manifest.scripts.start}`,
    );
  return flags;
}

/** Milliseconds since an arbitrary point, with sub-microsecond resolution. */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** The p-th percentile (0 to 100) of samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** A small deterministic generator (mulberry32), so every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

/** A timed run of work: when it started and ended, in `performance.now()` time. */
export type Span = readonly [start: number, end: number];

/**
 * Times each call of `work` (after one warm-up call per item), and tells which calls had a garbage-collector pause
 * inside: on this machine the tail of a latency is mostly those pauses, so the benchmark shows both.
 */
export async function timeWithPauses(
  items: readonly string[],
  runs: number,
  work: (item: string) => unknown,
): Promise<{ times: number[]; paused: boolean[] }> {
  for (const item of items) work(item);
  const pauses: Span[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push([entry.startTime, entry.startTime + entry.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  const spans: Span[] = Array.from({ length: runs }, (_, i) => {
    const start = performance.now();
    work(items[i % items.length] as string);
    return [start, performance.now()];
  });
  // The collector's entries are delivered after the synchronous work.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return {
    times: spans.map(([start, end]) => end - start),
    paused: spans.map(([start, end]) => pauses.some(([from, to]) => from < end && to > start)),
  };
}
