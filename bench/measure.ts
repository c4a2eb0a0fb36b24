/** Small helpers every benchmark shares: timing a fixed amount of work and printing ratios. */
export interface Figure {
  name: string;
  unit: string;
  value: number;
}

export interface Comparison {
  benchmark: string;
  baseline: Figure;
  ours: Figure;
  /** ours / baseline: the number to compare between runs and machines. */
  ratio: number;
}

/** Runs `work` for `count` operations and returns operations per second. */
export async function rate(count: number, work: (i: number) => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await work(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return count / seconds;
}

export const compare = (benchmark: string, baseline: Figure, ours: Figure): Comparison => ({
  benchmark,
  baseline,
  ours,
  ratio: ours.value / baseline.value,
});

export function printComparisons(comparisons: Comparison[]): void {
  const rows = comparisons.map((c) => ({
    benchmark: c.benchmark,
    baseline: `${c.baseline.name}: ${Math.round(c.baseline.value).toLocaleString('en-US')} ${c.baseline.unit}`,
    breachline: `${c.ours.name}: ${Math.round(c.ours.value).toLocaleString('en-US')} ${c.ours.unit}`,
    ratio: c.ratio.toFixed(2),
  }));
  console.table(rows);
}
