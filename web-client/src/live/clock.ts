// The server's clock as seen from this tab. Countdowns derive from event timestamps (server time) and this offset,
// never from the client clock alone: a phone whose clock is off by minutes still shows the right speaking time.
export class ServerClock {
  /** serverTime − localTime, in milliseconds. */
  offsetMs = 0;
  /** Round trip of the sample the offset came from; Infinity until a ping was answered. */
  private bestRtt = Infinity;

  /** A server time without a round trip (welcome, snapshot): used only until a ping gives a better sample. */
  observe(serverTimeIso: string, localNow: number): void {
    if (this.bestRtt !== Infinity) return;
    const st = Date.parse(serverTimeIso);
    if (!Number.isNaN(st)) this.offsetMs = st - localNow;
  }

  /** A pong: the server time is taken as of the middle of the round trip; the shortest round trips win. */
  pong(sentAt: number, serverTimeIso: string, receivedAt: number): void {
    const st = Date.parse(serverTimeIso);
    if (Number.isNaN(st)) return;
    const rtt = Math.max(0, receivedAt - sentAt);
    // Older samples age: accept a worse one after a while so a changed network path is followed.
    if (rtt <= this.bestRtt * 1.5 || rtt < 50) {
      this.bestRtt = Math.min(rtt, this.bestRtt === Infinity ? rtt : this.bestRtt * 1.1);
      this.offsetMs = st - (sentAt + rtt / 2);
    }
  }

  serverNow(localNow: number): number {
    return localNow + this.offsetMs;
  }
}
