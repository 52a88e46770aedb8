import { beforeEach, describe, expect, it } from 'vitest';
import type { EventFrame } from '../src/protocol.gen';
import {
  agendaElapsed, applyEvent, applyEvents, applyPresence, applyTally, fromSnapshot, speechElapsed,
} from '../src/state/conference';
import { ballotState, currentAgendaItem, docIndex, focusArticle, myBallot, threadsOfArticle, waitingRequests } from '../src/state/selectors';
import { at, ev, resetSeq, snapshotView } from './fixtures';

beforeEach(() => resetSeq(10));

describe('the fold of snapshot and events', () => {
  it('starts from the snapshot at its upTo', () => {
    const s = fromSnapshot(snapshotView(), 10);
    expect(s.upTo).toBe(10);
    expect(s.me?.id).toBe('p-5');
    expect(s.endpointOrder).toEqual(['ep-2', 'ep-3']);
    expect(docIndex(s).articles.map((a) => a.node.id)).toEqual(['d1', 'd2']);
    expect(docIndex(s).articles[0].chapter?.id).toBe('c1');
  });

  it('folds an endpoint import (one event, many endpoints) as that many EndpointAdded, in order', () => {
    const s = applyEvents(fromSnapshot(snapshotView(), 10), [ev('EndpointsImported', { endpoints: [
      { endpointId: 'ep-11-1', code: 'XA', name: 'Xã A', region: 'Nam', level: 'COMMUNE' },
      { endpointId: 'ep-11-2', code: 'XB', name: 'Xã B', level: 'COMMUNE' },
    ] })], 11);
    expect(s.endpointOrder).toEqual(['ep-2', 'ep-3', 'ep-11-1', 'ep-11-2']);
    expect(s.endpoints['ep-11-2'].name).toBe('Xã B');
    expect(s.upTo).toBe(11);
  });

  it('takes the upTo of every events frame, even one without events (gaps in seq are normal)', () => {
    const s = applyEvents(fromSnapshot(snapshotView(), 10), [], 42);
    expect(s.upTo).toBe(42);
  });

  it('runs an agenda item: started, elapsed from the event time, completed with its time kept', () => {
    let s = fromSnapshot(snapshotView(), 10);
    s = applyEvents(s, [ev('AgendaItemStarted', { itemId: 'ag-7', at: at(0) })], 11);
    expect(currentAgendaItem(s)?.id).toBe('ag-7');
    expect(agendaElapsed(currentAgendaItem(s)!, Date.parse(at(90)))).toBe(90_000);
    s = applyEvents(s, [ev('AgendaItemCompleted', { itemId: 'ag-7', at: at(120) }), ev('AgendaItemStarted', { itemId: 'ag-8', at: at(120) })], 13);
    expect(s.agenda[0].status).toBe('DONE');
    expect(s.agenda[0].spentMillis).toBe(120_000);
    expect(currentAgendaItem(s)?.id).toBe('ag-8');
    // The hall follows the agenda item: its nodes name chapter I, whose first article is d1.
    expect(focusArticle(s)).toBe('d1');
  });

  it('opens a vote, folds my ballot and tells voted, changed and closed apart', () => {
    let s = fromSnapshot(snapshotView(), 10);
    s = applyEvents(s, [ev('VoteOpened', { voteId: 'v-11', title: 'Điều 1', articleIds: ['d1'], mode: 'NAMED', draftVersion: 1, at: at(1) })], 11);
    const vote = () => s.votes['v-11'];
    expect(ballotState(s, vote(), 'd1')).toBe('none');
    s = applyEvent(s, ev('BallotCast', { voteId: 'v-11', articleId: 'd1', participantId: 'p-5', endpointId: 'ep-3', choice: 'AGREE' }));
    expect(ballotState(s, vote(), 'd1')).toBe('voted');
    s = applyEvent(s, ev('BallotCast', { voteId: 'v-11', articleId: 'd1', participantId: 'p-5', endpointId: 'ep-3', choice: 'OTHER', text: 'Sửa lại' }));
    expect(ballotState(s, vote(), 'd1')).toBe('changed');
    expect(myBallot(s, 'v-11', 'd1')?.text).toBe('Sửa lại');
    s = applyEvent(s, ev('VoteClosed', { voteId: 'v-11', at: at(30) }));
    expect(ballotState(s, vote(), 'd1')).toBe('closed');
    expect(focusArticle(s)).toBeNull();
  });

  it('counts a secret ballot as mine (only its voter receives it)', () => {
    let s = fromSnapshot(snapshotView(), 10);
    s = applyEvents(s, [ev('VoteOpened', { voteId: 'v-11', articleIds: ['d1'], mode: 'ANONYMOUS', draftVersion: 1, at: at(1) }),
      ev('SecretBallotCast', { voteId: 'v-11', articleId: 'd1', voterKey: 'k9', endpointId: 'ep-3', choice: 'DISAGREE' })], 12);
    expect(myBallot(s, 'v-11', 'd1')?.choice).toBe('DISAGREE');
  });

  it('keeps the newest tally by asOf and ignores an older frame', () => {
    let s = fromSnapshot(snapshotView(), 10);
    s = applyEvents(s, [ev('VoteOpened', { voteId: 'v-11', articleIds: ['d1'], mode: 'NAMED', draftVersion: 1, at: at(1) })], 11);
    s = applyTally(s, { type: 'tally', voteId: 'v-11', status: 'OPEN', asOf: 20, articles: [{ articleId: 'd1', agree: 3, disagree: 1, other: 0, total: 4 }] });
    s = applyTally(s, { type: 'tally', voteId: 'v-11', status: 'OPEN', asOf: 15, articles: [{ articleId: 'd1', agree: 1, disagree: 0, other: 0, total: 1 }] });
    expect(s.tallies['v-11'].articles.d1).toMatchObject({ agree: 3, total: 4 });
  });

  it('orders the speaker queue: a point of order goes to the front, behind earlier points of order', () => {
    let s = fromSnapshot(snapshotView(), 10);
    s = applyEvents(s, [
      ev('FloorRequested', { requestId: 'fr-11', participantId: 'p-5', endpointId: 'ep-3', kind: 'CONTRIBUTION', forHall: false, at: at(1) }),
      ev('FloorRequested', { requestId: 'fr-12', participantId: 'p-6', endpointId: 'ep-3', kind: 'POINT_OF_ORDER', forHall: true, at: at(2) }),
      ev('FloorRequested', { requestId: 'fr-13', participantId: 'p-4', endpointId: 'ep-2', kind: 'POINT_OF_ORDER', forHall: false, at: at(3) }),
    ], 13);
    expect(s.queue.waiting).toEqual(['fr-12', 'fr-13', 'fr-11']);
    s = applyEvent(s, ev('FloorRequestMoved', { requestId: 'fr-11', position: 0 }));
    expect(waitingRequests(s).map((r) => r.id)).toEqual(['fr-11', 'fr-12', 'fr-13']);
    s = applyEvent(s, ev('FloorRequestWithdrawn', { requestId: 'fr-13' }));
    expect(s.queue.waiting).toEqual(['fr-11', 'fr-12']);
  });

  it('runs a turn from event times: granted, paused, resumed, ended into the history', () => {
    let s = fromSnapshot(snapshotView(), 10);
    s = applyEvents(s, [
      ev('FloorRequested', { requestId: 'fr-11', participantId: 'p-6', endpointId: 'ep-3', kind: 'CONTRIBUTION', forHall: true, at: at(0) }),
      ev('FloorGranted', { requestId: 'fr-11', participantId: 'p-6', at: at(10), limitSeconds: 300 }),
    ], 12);
    expect(s.queue.waiting).toEqual([]);
    expect(speechElapsed(s.queue.current!, Date.parse(at(40)))).toBe(30_000);
    s = applyEvent(s, ev('SpeechPaused', { requestId: 'fr-11', at: at(70) }));
    expect(speechElapsed(s.queue.current!, Date.parse(at(500)))).toBe(60_000);
    s = applyEvent(s, ev('SpeechResumed', { requestId: 'fr-11', at: at(100) }));
    expect(speechElapsed(s.queue.current!, Date.parse(at(110)))).toBe(70_000);
    s = applyEvent(s, ev('SpeechEnded', { requestId: 'fr-11', at: at(130), spokenSeconds: 90 }));
    expect(s.queue.current).toBeNull();
    expect(s.queue.history[0]).toMatchObject({ participantId: 'p-6', endpointId: 'ep-3', forHall: true, spokenSeconds: 90 });
  });

  it('folds annotations, replies, responses; a hidden one loses its text for other delegates', () => {
    let s = fromSnapshot(snapshotView(), 10);
    s = applyEvents(s, [
      ev('AnnotationAdded', { annotationId: 'ann-11', authorId: 'p-4', endpointId: 'ep-2', draftVersion: 1, nodeId: 'd1.k1', kind: 'COMMENT',
        body: 'Nên làm rõ', quote: { exact: 'nguyên tắc', prefix: '', suffix: '' }, position: { start: 25, end: 35 }, at: at(1) }),
      ev('ReplyAdded', { annotationId: 'ann-12', replyTo: 'ann-11', authorId: 'p-5', endpointId: 'ep-3', body: 'Đồng ý', at: at(2) }),
      ev('AnnotationResponded', { annotationId: 'ann-11', response: 'ACCEPTED', text: 'Tiếp thu', respondedBy: 'p-9', at: at(3) }),
    ], 13);
    expect(threadsOfArticle(s, 'd1').map((a) => a.id)).toEqual(['ann-11']);
    expect(s.annotations['ann-11'].response?.kind).toBe('ACCEPTED');
    s = applyEvent(s, ev('AnnotationHidden', { annotationId: 'ann-11', reason: 'Trùng lặp', hiddenBy: 'p-4', at: at(4) }));
    expect(s.annotations['ann-11']).toMatchObject({ status: 'HIDDEN', body: null, hiddenReason: 'Trùng lặp' });
    s = applyEvent(s, ev('AnnotationRestored', { annotationId: 'ann-11', body: 'Nên làm rõ' }));
    expect(s.annotations['ann-11']).toMatchObject({ status: 'VISIBLE', body: 'Nên làm rõ' });
  });

  it('ignores events about objects this client never saw (their first event was not for it)', () => {
    const s = fromSnapshot(snapshotView(), 10);
    const after = applyEvents(s, [ev('AnnotationHidden', { annotationId: 'ann-99', hiddenBy: 'p-4', at: at(1) }), ev('VoteClosed', { voteId: 'v-99', at: at(1) })], 12);
    expect(after.annotations).toEqual(s.annotations);
    expect(after.votes).toEqual(s.votes);
  });

  it('is deterministic and pure: the same frames give equal states and the input is not changed', () => {
    const frames: EventFrame[] = [
      ev('ConferenceStarted', { at: at(0) }),
      ev('EndpointCheckedIn', { endpointId: 'ep-3', headCount: 25, at: at(1) }),
      ev('VoteOpened', { voteId: 'v-13', articleIds: ['d1', 'd2'], mode: 'NAMED', draftVersion: 1, at: at(2) }),
      ev('HallResultRecorded', { voteId: 'v-13', articleId: 'd1', endpointId: 'ep-3', agree: 20, disagree: 2, other: 3, recordedBy: 'p-6' }),
      ev('FloorRequested', { requestId: 'fr-15', participantId: 'p-5', endpointId: 'ep-3', kind: 'CONTRIBUTION', forHall: false, at: at(3) }),
      ev('ParticipantRegistered', { participantId: 'p-16', displayName: 'Đại biểu mới', roles: ['DELEGATE'], endpointId: 'ep-3' }),
    ];
    const base = fromSnapshot(snapshotView(), 10);
    const frozen = JSON.stringify(base);
    const a = applyEvents(base, frames, 16);
    const b = applyEvents(fromSnapshot(snapshotView(), 10), frames, 16);
    expect(a).toEqual(b);
    expect(JSON.stringify(base)).toBe(frozen);
    expect(a.endpoints['ep-3']).toMatchObject({ checkedIn: true, headCount: 25 });
    expect(a.hallResults['v-13|d1|ep-3'].agree).toBe(20);
    expect(a.participants['p-16'].displayName).toBe('Đại biểu mới');
  });

  it('a resume that catches up with events ends where a fresh snapshot would', () => {
    const frames: EventFrame[] = [
      ev('AgendaItemStarted', { itemId: 'ag-7', at: at(0) }),
      ev('InviteIssued', { code: 'K7P2QX9MNA', role: 'DELEGATE', endpointId: 'ep-3', maxUses: 5, expiresAt: at(86400), issuedBy: 'p-6' }),
      ev('InviteUsed', { code: 'K7P2QX9MNA', participantId: 'p-14' }),
    ];
    const resumed = applyEvents(fromSnapshot(snapshotView(), 10), frames, 13);
    const fresh = fromSnapshot(snapshotView({
      agenda: [
        { item: { id: 'ag-7', title: 'Khai mạc', kind: 'OPENING', plannedMinutes: 10, nodeIds: [], status: 'CURRENT', startedAt: at(0), spentMillis: 0 }, elapsedMillis: 0 },
        { item: { id: 'ag-8', title: 'Thảo luận', kind: 'DISCUSSION', plannedMinutes: 40, nodeIds: ['c1'], status: 'PENDING', spentMillis: 0 }, elapsedMillis: 0 },
      ],
      invites: [{ code: 'K7P2QX9MNA', role: 'DELEGATE', endpointId: 'ep-3', maxUses: 5, uses: 1, expiresAt: at(86400), revoked: false, issuedBy: 'p-6' }],
    }), 13);
    expect(resumed.agenda).toEqual(fresh.agenda);
    expect(resumed.invites).toEqual(fresh.invites);
    expect(resumed.upTo).toBe(fresh.upTo);
  });

  it('flags an endpoint that was online and went offline as lost, until it is back', () => {
    let s = fromSnapshot({ ...snapshotView(), moderator: true }, 10);
    const presence = (online: boolean, when: string) => ({ type: 'presence' as const, at: when, endpointsOnline: online ? 2 : 1, endpointsTotal: 2,
      connections: 3, endpoints: [{ endpointId: 'ep-2', online: true, connections: 1, participants: 1 }, { endpointId: 'ep-3', online, connections: online ? 2 : 0, participants: online ? 2 : 0 }] });
    s = applyPresence(s, presence(true, at(1)));
    expect(s.presence?.lost).toEqual({});
    s = applyPresence(s, presence(false, at(5)));
    expect(s.presence?.lost).toEqual({ 'ep-3': at(5) });
    s = applyPresence(s, presence(false, at(6)));
    expect(s.presence?.lost).toEqual({ 'ep-3': at(5) });
    s = applyPresence(s, presence(true, at(9)));
    expect(s.presence?.lost).toEqual({});
  });
});

describe('names of people the feed did not introduce', () => {
  it('lists ids that events name but the state cannot name, once each', async () => {
    const { unknownPeople } = await import('../src/state/conference');
    const s = fromSnapshot(snapshotView(), 10);
    const known = Object.keys(s.participants)[0];
    const events = [
      ev('FloorRequested', { requestId: 'fr-11', participantId: 'p-900', endpointId: 'ep-2', kind: 'CONTRIBUTION', forHall: false, at: at(0) }),
      ev('AnnotationAdded', { annotationId: 'ann-12', authorId: 'p-900', endpointId: 'ep-2', draftVersion: 1, nodeId: 'd1', kind: 'COMMENT', body: 'x', at: at(1) }),
      ev('ReplyAdded', { annotationId: 'ann-13', replyTo: 'ann-12', authorId: known, body: 'y', at: at(2) }),
    ] as unknown as EventFrame[];
    expect(unknownPeople(s, events)).toEqual(['p-900']);
  });

  it('adds a looked-up person without overriding what the feed said', async () => {
    const { withParticipant } = await import('../src/state/conference');
    const s = fromSnapshot(snapshotView(), 10);
    const added = withParticipant(s, { id: 'p-900', displayName: 'Bùi Đức Thắng', roles: ['DELEGATE'], endpointId: 'ep-3', active: true });
    expect(added.participants['p-900'].displayName).toBe('Bùi Đức Thắng');
    const known = Object.keys(s.participants)[0];
    expect(withParticipant(s, { id: known, displayName: 'khác', roles: [], endpointId: null, active: true })).toBe(s);
  });
});
