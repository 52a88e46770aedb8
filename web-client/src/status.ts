export interface ServerStatus {
  server: string;
  version: string;
  store: string;
  conferences: number;
}

export function wsUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws`;
}

/** Opens the status socket; returns a function that closes it. */
export function connectStatus(
  onConn: (c: 'connecting' | 'open' | 'closed') => void,
  onStatus: (s: ServerStatus) => void,
): () => void {
  const ws = new WebSocket(wsUrl(window.location));
  ws.onopen = () => onConn('open');
  ws.onclose = () => onConn('closed');
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data as string);
    if (msg.type === 'status') onStatus(msg as ServerStatus);
  };
  return () => ws.close();
}
