// A small conference as the server's snapshot describes it, and helpers to write event frames.
import type { ConferenceView, EventFrame } from '../src/protocol.gen';

export const T0 = '2026-11-27T08:00:00Z';
export const at = (sec: number) => new Date(Date.parse(T0) + sec * 1000).toISOString();

export function snapshotView(overrides: Partial<ConferenceView> = {}): ConferenceView {
  return {
    conferenceId: 'demo',
    asOfSeq: 10,
    at: T0,
    info: { conferenceId: 'demo', title: 'Hội nghị góp ý dự thảo', description: '', status: 'LIVE', settings: { defaultVoteMode: 'NAMED', speakingLimitSeconds: 300 } },
    me: { id: 'p-5', displayName: 'Nguyễn Thị Mai', roles: ['DELEGATE'], endpointId: 'ep-3', active: true },
    moderator: false,
    endpoints: [
      { id: 'ep-2', code: 'TW', name: 'Điểm cầu Trung ương', level: 'CENTRAL', checkedIn: false, headCount: 0 },
      { id: 'ep-3', code: 'DTP', name: 'Tỉnh ủy Đồng Tháp', level: 'PROVINCIAL', checkedIn: false, headCount: 0 },
    ],
    participants: [
      { id: 'p-4', displayName: 'Trần Quốc Minh', roles: ['CHAIR', 'DELEGATE'], endpointId: 'ep-2', active: true },
      { id: 'p-5', displayName: 'Nguyễn Thị Mai', roles: ['DELEGATE'], endpointId: 'ep-3', active: true },
      { id: 'p-6', displayName: 'Võ Thành Nhân', roles: ['HOST'], endpointId: 'ep-3', active: true },
    ],
    invites: [],
    agenda: [
      { item: { id: 'ag-7', title: 'Khai mạc', kind: 'OPENING', plannedMinutes: 10, nodeIds: [], status: 'PENDING', spentMillis: 0 }, elapsedMillis: 0 },
      { item: { id: 'ag-8', title: 'Thảo luận', kind: 'DISCUSSION', plannedMinutes: 40, nodeIds: ['c1'], status: 'PENDING', spentMillis: 0 }, elapsedMillis: 0 },
    ],
    draft: {
      version: 1, versions: 1, importedAt: T0, documentEtag: '"d1-fixture"',
      document: { title: 'DỰ THẢO', preamble: '', header: '', contents: '', closing: '', nodes: [
        { id: 'c1', kind: 'CHAPTER', number: 'I', title: 'QUY ĐỊNH CHUNG', text: '', children: [
          { id: 'd1', kind: 'ARTICLE', number: '1', title: 'Phạm vi điều chỉnh', text: '', children: [
            { id: 'd1.k1', kind: 'CLAUSE', number: '1', title: '', text: 'Quy chế này quy định về nguyên tắc, chế độ làm việc.', children: [] },
            { id: 'd1.k2', kind: 'CLAUSE', number: '2', title: '', text: 'Quy chế này áp dụng đối với đảng đoàn.', children: [
              { id: 'd1.k2.a', kind: 'POINT', number: 'a', title: '', text: 'Điểm a.', children: [] },
            ] },
          ] },
          { id: 'd2', kind: 'ARTICLE', number: '2', title: 'Vị trí, chức năng', text: 'Đảng đoàn là tổ chức của Đảng.', children: [] },
        ] },
      ] },
    },
    votes: [],
    speakerQueue: { open: true, waiting: [], currentElapsedMillis: 0, history: [] },
    annotations: [],
    joinRequests: [],
    delegates: [],
    markedPresent: [],
    ...overrides,
  };
}

let seq = 10;
export function resetSeq(n = 10) {
  seq = n;
}

/** An event frame with the next sequence number; `data` as the server sends it. */
export function ev<T extends EventFrame['type']>(type: T, data: Extract<EventFrame, { type: T }>['data'], when = at(seq - 9)): Extract<EventFrame, { type: T }> {
  seq += 1;
  return { seq, type, at: when, data } as Extract<EventFrame, { type: T }>;
}
