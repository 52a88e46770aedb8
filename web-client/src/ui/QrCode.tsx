// A QR code drawn as SVG rectangles from the `qrcode` package's module matrix (no HTML strings involved).
import QRCode from 'qrcode';
import { useMemo } from 'preact/hooks';

export function QrCode(props: { text: string; size?: number; label: string }) {
  const modules = useMemo(() => QRCode.create(props.text, { errorCorrectionLevel: 'M' }).modules, [props.text]);
  const n = modules.size;
  const quiet = 4;
  const cells: preact.JSX.Element[] = [];
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (modules.get(x, y)) cells.push(<rect key={`${x}.${y}`} x={x + quiet} y={y + quiet} width={1} height={1} />);
    }
  }
  const dim = n + quiet * 2;
  return (
    <svg class="qr" viewBox={`0 0 ${dim} ${dim}`} width={props.size ?? 220} height={props.size ?? 220} role="img" aria-label={props.label}
      shape-rendering="crispEdges" data-testid="qr-code" data-text={props.text}>
      <rect x={0} y={0} width={dim} height={dim} fill="#fff" />
      <g fill="#000">{cells}</g>
    </svg>
  );
}
