// Small formatting helpers shared by the views.
export function mmss(msTotal: number): string {
  const neg = msTotal < 0;
  const s = Math.floor(Math.abs(msTotal) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
  return (neg ? '−' : '') + body;
}

export function percent(n: number, total: number): number {
  return total > 0 ? Math.round((n / total) * 1000) / 10 : 0;
}
