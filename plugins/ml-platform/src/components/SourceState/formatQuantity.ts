/** Bytes as GiB/TiB with one decimal. */
export function formatBytes(bytes: number): string {
  const gib = bytes / 2 ** 30;
  return gib >= 1024
    ? `${(gib / 1024).toFixed(1)} TiB`
    : `${gib.toFixed(1)} GiB`;
}

/** Cores with up to two decimals. */
export function formatCores(cores: number): string {
  return `${Number(cores.toFixed(2))} cores`;
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}
