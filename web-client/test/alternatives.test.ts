import { beforeEach, describe, expect, it } from 'vitest';
import { applyEvents, applyTally, fromSnapshot } from '../src/state/conference';
import { myBallot } from '../src/state/selectors';
import { winnerOf } from '../src/ui/AlternativePicker';
import { at, ev, resetSeq, snapshotView } from './fixtures';

beforeEach(() => resetSeq(10));

const alternatives = { d1: [{ id: 'd1.pa1', label: 'Phương án 1' }, { id: 'd1.pa2', label: 'Phương án 2' }] };

describe('votes between alternative wordings', () => {
  it('opens with zero counts per alternative, keeps the chosen alternative of my ballot and takes the tally frame', () => {
    let s = fromSnapshot(snapshotView(), 10);
    s = applyEvents(s, [ev('VoteOpened', { voteId: 'v-11', title: 'Điều 1', articleIds: ['d1'], mode: 'NAMED', draftVersion: 1,
      at: at(1), alternatives })], 11);
    expect(s.votes['v-11'].alternatives).toEqual(alternatives);
    expect(s.tallies['v-11'].articles.d1.alternatives).toEqual({ 'd1.pa1': 0, 'd1.pa2': 0 });
    s = applyEvents(s, [ev('BallotCast', { voteId: 'v-11', articleId: 'd1', participantId: 'p-5', endpointId: 'ep-2',
      choice: 'AGREE', alternativeId: 'd1.pa2' })], 12);
    expect(myBallot(s, 'v-11', 'd1')?.alternativeId).toBe('d1.pa2');
    s = applyTally(s, { type: 'tally', voteId: 'v-11', status: 'OPEN', asOf: 20, articles: [{ articleId: 'd1', agree: 3, disagree: 0,
      other: 1, total: 4, alternatives: { 'd1.pa1': 1, 'd1.pa2': 2 } }] });
    expect(s.tallies['v-11'].articles.d1.alternatives).toEqual({ 'd1.pa1': 1, 'd1.pa2': 2 });
  });

  it('names a winner only with strictly the most ballots, as the server does', () => {
    expect(winnerOf({ a: 1, b: 2 })).toBe('b');
    expect(winnerOf({ a: 2, b: 2 })).toBeNull();
    expect(winnerOf({ a: 0, b: 0 })).toBeNull();
  });
});
