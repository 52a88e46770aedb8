import { useEffect, useState } from 'preact/hooks';
import { connectStatus, type ServerStatus } from './status';

type Conn = 'connecting' | 'open' | 'closed';

export function App() {
  const [conn, setConn] = useState<Conn>('connecting');
  const [status, setStatus] = useState<ServerStatus | null>(null);

  const [conferences, setConferences] = useState<number | null>(null);

  useEffect(() => connectStatus(setConn, setStatus), []);
  useEffect(() => {
    fetch('/api/conferences')
      .then((r) => r.json())
      .then((b) => setConferences(b.conferences.length))
      .catch(() => setConferences(null));
  }, []);

  return (
    <main>
      <h1>Hội Nghị trực tuyến</h1>
      <p data-testid="connection" class={`conn conn-${conn}`}>
        {conn === 'open' ? 'Đã kết nối' : conn === 'connecting' ? 'Đang kết nối…' : 'Mất kết nối'}
      </p>
      {status && (
        <dl data-testid="server-status">
          <dt>Máy chủ</dt>
          <dd>{status.server} {status.version}</dd>
          <dt>Kho dữ liệu</dt>
          <dd>{status.store}</dd>
          <dt>Số hội nghị</dt>
          <dd data-testid="conference-count">{conferences ?? '…'}</dd>
        </dl>
      )}
    </main>
  );
}
