import { beforeEach, describe, expect, it } from 'vitest';
import type { EventFrame } from '../src/protocol.gen';
import { applyEvents, fromSnapshot } from '../src/state/conference';
import { attendanceOf, hallDelegates, pendingJoinRequests } from '../src/state/selectors';
import { at, ev, resetSeq, snapshotView } from './fixtures';

beforeEach(() => resetSeq(10));

/** A host's snapshot of Đồng Tháp (ep-3): a listed delegate, one waiting request, one marked present. */
function hostView() {
  return snapshotView({
    moderator: false,
    me: { id: 'p-6', displayName: 'Võ Thành Nhân', roles: ['HOST'], endpointId: 'ep-3', active: true },
    joinRequests: [{ id: 'jr-1', inviteCode: 'K7P2QX9MNA', endpointId: 'ep-3', displayName: 'Lê Văn Tâm', keyHash: 'k'.repeat(64), at: at(1), status: 'PENDING' }],
    delegates: [{ participantId: 'p-5', position: 'Phó Bí thư', unit: 'Tỉnh ủy', phone: '0903 123 456', email: null }],
    markedPresent: ['p-5'],
  });
}

describe('the fold of delegate lists, join requests, sessions and attendance', () => {
  it('takes the join requests, delegate details and marks of the snapshot', () => {
    const s = fromSnapshot(hostView(), 10);
    expect(pendingJoinRequests(s, 'ep-3').map((r) => r.displayName)).toEqual(['Lê Văn Tâm']);
    expect(pendingJoinRequests(s, 'ep-2')).toEqual([]);
    expect(s.delegates['p-5'].position).toBe('Phó Bí thư');
    expect(attendanceOf(s, 'p-5')).toEqual({ online: null, marked: true, present: true });
  });

  it('a snapshot without these fields (a delegate, an older server) gives empty ones', () => {
    const s = fromSnapshot(snapshotView(), 10);
    expect(s.joinRequests).toEqual({});
    expect(s.delegates).toEqual({});
    expect(s.markedPresent).toEqual({});
  });

  it('a request arrives, a duplicate after it; admitting and refusing take them off the waiting list', () => {
    let s = fromSnapshot(hostView(), 10);
    s = applyEvents(s, [
      ev('JoinRequested', { requestId: 'jr-2', code: 'K7P2QX9MNA', endpointId: 'ep-3', displayName: 'Nguyễn Thị Mai', duplicateOf: 'p-5',
        keyHash: 'a'.repeat(64), at: at(5) }),
    ], 11);
    expect(pendingJoinRequests(s, 'ep-3').map((r) => [r.id, r.duplicateOf ?? null])).toEqual([['jr-1', null], ['jr-2', 'p-5']]);
    s = applyEvents(s, [
      ev('ParticipantRegistered', { participantId: 'p-9', displayName: 'Lê Văn Tâm', roles: ['DELEGATE'], endpointId: 'ep-3' }),
      ev('JoinRequestAdmitted', { requestId: 'jr-1', participantId: 'p-9', admittedBy: 'p-6' }),
      ev('JoinRequestRefused', { requestId: 'jr-2', reason: 'Đã có mặt', refusedBy: 'p-6' }),
    ], 14);
    expect(pendingJoinRequests(s, 'ep-3')).toEqual([]);
    // Decided requests leave the state, as they leave the server's view (foldGolden.test.ts).
    expect(s.joinRequests['jr-1']).toBeUndefined();
    expect(s.joinRequests['jr-2']).toBeUndefined();
    expect(s.joinRequestOrder).toEqual([]);
    expect(hallDelegates(s, 'ep-3').map((p) => p.displayName)).toEqual(['Nguyễn Thị Mai', 'Lê Văn Tâm']);
  });

  it('a hall\'s list arrives as one event: every delegate with what the list says', () => {
    let s = fromSnapshot(hostView(), 10);
    s = applyEvents(s, [
      ev('DelegatesListed', { endpointId: 'ep-3', delegates: [
        { participantId: 'p-11-1', fullName: 'Trần Thị Một', position: 'Ủy viên', unit: 'Sở Tư pháp', phone: null, email: null },
        { participantId: 'p-11-2', fullName: 'Lê Văn Hai', position: null, unit: null, phone: '0912 000 111', email: null },
      ] }),
    ], 11);
    expect(hallDelegates(s, 'ep-3').map((p) => p.displayName)).toEqual(expect.arrayContaining(['Trần Thị Một', 'Lê Văn Hai']));
    expect(s.participants['p-11-2']).toMatchObject({ roles: ['DELEGATE'], endpointId: 'ep-3', active: true });
    expect(s.delegates['p-11-1']).toMatchObject({ position: 'Ủy viên', unit: 'Sở Tư pháp' });
  });

  it('records delegate details, attendance marks and sessions', () => {
    let s = fromSnapshot(hostView(), 10);
    s = applyEvents(s, [
      ev('DelegateDetailsRecorded', { participantId: 'p-5', position: 'Bí thư', unit: 'Tỉnh ủy Đồng Tháp', phone: null, email: 'mai@example.vn' }),
      ev('AttendanceMarked', { participantId: 'p-5', present: false, at: at(20) }),
      ev('SessionStarted', { participantId: 'p-5', session: 2, at: at(21) }),
      ev('SessionsEnded', { participantId: 'p-5', session: 3, endedBy: 'p-6' }, at(30)),
    ], 20);
    expect(s.delegates['p-5']).toMatchObject({ position: 'Bí thư', email: 'mai@example.vn' });
    expect(attendanceOf(s, 'p-5')).toEqual({ online: null, marked: false, present: false });
    expect(s.sessions['p-5']).toEqual({ session: 3, startedAt: at(21), endedAt: at(30) });
  });

  it('online from presence counts as present even when not marked', () => {
    let s = fromSnapshot(hostView(), 10);
    s = { ...s, presence: { at: at(1), endpointsOnline: 1, endpointsTotal: 2, connections: 2, endpoints: null, participantsOnline: ['p-9'], lost: {} } };
    expect(attendanceOf(s, 'p-9')).toEqual({ online: true, marked: null, present: true });
    expect(attendanceOf(s, 'p-5').online).toBe(false);
  });

  it('withdrawn ballots of a removed duplicate leave the open votes; others stay', () => {
    let s = fromSnapshot(snapshotView({ moderator: true }), 10);
    s = applyEvents(s, [
      ev('VoteOpened', { voteId: 'v-1', title: 'Điều 1', articleIds: ['d1'], mode: 'NAMED', draftVersion: 1, at: at(1) }),
      ev('BallotCast', { voteId: 'v-1', articleId: 'd1', participantId: 'p-5', endpointId: 'ep-3', choice: 'AGREE' }),
      ev('BallotCast', { voteId: 'v-1', articleId: 'd1', participantId: 'p-4', endpointId: 'ep-2', choice: 'AGREE' }),
      ev('ParticipantRemoved', { participantId: 'p-5' }),
      ev('BallotsWithdrawn', { participantId: 'p-5', voteIds: ['v-1'], count: 1 }),
    ], 16);
    expect(Object.values(s.ballots).map((b) => b.voter)).toEqual(['p-4']);
    expect(s.participants['p-5'].active).toBe(false);
  });

  it('an event type it does not know leaves the state as it was, and the frame still moves upTo', () => {
    const s = fromSnapshot(hostView(), 10);
    const unknown = { seq: 11, type: 'SomethingNew', at: at(1), data: { x: 1 } } as unknown as EventFrame;
    const out = applyEvents(s, [unknown], 11);
    expect(out.upTo).toBe(11);
    expect({ ...out, upTo: 10 }).toEqual(s);
  });

  it('events about requests it never saw (another hall, skipped by a resume) are ignored', () => {
    const s = fromSnapshot(hostView(), 10);
    const out = applyEvents(s, [ev('JoinRequestAdmitted', { requestId: 'jr-77', participantId: 'p-77', admittedBy: 'p-4' }),
      ev('JoinRequestRefused', { requestId: 'jr-78', reason: null, refusedBy: 'p-4' })], 12);
    expect(out.joinRequests).toEqual(s.joinRequests);
  });
});
