// The client's fold against the server's views, on a session the server played (protocol/golden/client-fold.json,
// written by server/src/test/java/vn/hoinghi/live/ClientFoldGoldenTest.java; regenerate it there with
// -Dgolden.update=true). For each viewer the fold starts from the first snapshot frame, applies the "events" frames
// the live feed sent that viewer, and after each phase of the session must equal the state the server's snapshot of
// that moment gives (fromSnapshot).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventsMessage, SnapshotMessage } from '../src/protocol.gen';
import { applyEvents, fromSnapshot, unknownPeople, withParticipant, type ConferenceState } from '../src/state/conference';

interface GoldenViewer {
  viewer: string;
  participantId: string;
  snapshot: SnapshotMessage;
  phases: { phase: string; frames: EventsMessage[]; snapshot: SnapshotMessage }[];
}

const golden: { viewers: GoldenViewer[] } =
  JSON.parse(readFileSync(new URL('../../protocol/golden/client-fold.json', import.meta.url), 'utf8'));

/** Drops null and undefined members: the server's codec omits null fields, so absent and null say the same. */
function withoutNulls(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutNulls);
  if (x && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x).filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, withoutNulls(v)]));
  }
  return x;
}

/**
 * What the fold and the snapshot can both say. Left out on purpose:
 * - `upTo`: the feed sends a viewer nothing for a command whose events it may not see, so a folding client's `upTo`
 *   lags the snapshot's until its next frame (a resume then sends the missing range, docs/protocol.md);
 * - the tallies' counts: the fold does not count ballots, tally frames replace them (applyTally); their status is kept;
 * - a ballot's `casts`: how often this client saw it cast (a snapshot says 1);
 * - `sessions` and `presence`: live-only, never in a snapshot;
 * - the request of the speech in progress: the fold keeps it for the views (who asked, for which article, for the
 *   hall), the server's view does not list it (its queue lists the waiting requests and the speech only).
 */
function projection(s: ConferenceState): unknown {
  const { upTo: _upTo, sessions: _sessions, presence: _presence, tallies, ballots, queue, ...rest } = s;
  const speaking = queue.current?.requestId;
  return withoutNulls({
    ...rest,
    queue: { ...queue, requests: Object.fromEntries(Object.entries(queue.requests).filter(([id]) => id !== speaking)) },
    tallies: Object.fromEntries(Object.entries(tallies).map(([id, t]) => [id, t.status])),
    ballots: Object.fromEntries(Object.entries(ballots).map(([k, { casts: _casts, ...b }]) => [k, b])),
  });
}

describe('the client fold of a played session equals the server view', () => {
  for (const v of golden.viewers) {
    describe(`for the ${v.viewer}`, () => {
      let state = fromSnapshot(v.snapshot.state, v.snapshot.upTo);
      for (const p of v.phases) {
        it(`after ${p.phase}`, () => {
          const names = fromSnapshot(p.snapshot.state, p.snapshot.upTo).participants;
          for (const f of p.frames) {
            state = applyEvents(state, f.events, f.upTo);
            // As the store does: people an event names that the feed never introduced are looked up once (REST).
            for (const id of unknownPeople(state, f.events)) if (names[id]) state = withParticipant(state, names[id]);
          }
          expect(state.upTo).toBeLessThanOrEqual(p.snapshot.upTo);
          // One fold for the whole session: each phase goes on from the state the previous one folded.
          expect(projection(state)).toEqual(projection(fromSnapshot(p.snapshot.state, p.snapshot.upTo)));
        });
      }
    });
  }

  it('covers a realistic session for at least a moderator and a delegate', () => {
    expect(golden.viewers.map((v) => v.viewer)).toEqual(expect.arrayContaining(['chair', 'delegate']));
    const events = golden.viewers.flatMap((v) => v.phases.flatMap((p) => p.frames.flatMap((f) => f.events)));
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThan(40);
  });
});
