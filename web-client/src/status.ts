export interface ServerStatus {
  server: string;
  version: string;
  store: string;
  protocol: string;
}

export function wsUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws`;
}

/** Opens a socket to read the server's greeting frame; returns a function that closes it. */
export function connectStatus(
  onConn: (c: 'connecting' | 'open' | 'closed') => void,
  onStatus: (s: ServerStatus) => void,
): () => void {
  const ws = new WebSocket(wsUrl(window.location), ['hoinghi.v1']);
  ws.onopen = () => onConn('open');
  ws.onclose = () => onConn('closed');
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data as string);
    if (msg.type === 'server') onStatus(msg as ServerStatus);
  };
  return () => ws.close();
}
