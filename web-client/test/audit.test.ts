import { describe, expect, it } from 'vitest';
import { dataSummary, newestAfter, pageAfter, timeToTheMinute } from '../src/report/audit';

describe('paging the audit log', () => {
  it('opens on the newest events and moves a page at a time within the log', () => {
    expect(newestAfter(50, 68)).toBe(18);
    expect(newestAfter(200, 68)).toBe(0);
    expect(pageAfter('prev', 18, 50, 68)).toBe(0);
    expect(pageAfter('next', 0, 50, 68)).toBe(18);
    expect(pageAfter('next', 50, 50, 300)).toBe(100);
    expect(pageAfter('next', 240, 50, 300)).toBe(250);
    expect(pageAfter('first', 240, 50, 300)).toBe(0);
    expect(pageAfter('newest', 0, 50, 300)).toBe(250);
  });
});

describe('an event in one line', () => {
  it('shows the simple fields and leaves out the time and nested objects', () => {
    expect(dataSummary({ voteId: 'v-59', articleId: 'd1', choice: 'AGREE', at: '2026-11-27T08:00:00Z' })).toBe('voteId: v-59 · articleId: d1 · choice: AGREE');
    expect(dataSummary({ version: 2, document: { nodes: [] }, note: 'Tiếp thu ý kiến góp ý' })).toBe('version: 2 · note: Tiếp thu ý kiến góp ý');
    expect(dataSummary({ articleIds: ['d1', 'd2'], redacted: 'tác giả đã xóa góp ý / deleted by its author' }))
      .toBe('articleIds: d1, d2 · redacted: tác giả đã xóa góp ý / deleted by its author');
  });

  it('shortens long text and stops after a few fields', () => {
    const s = dataSummary({ body: 'Đề nghị '.repeat(30) }, 4, 20);
    expect(s).toBe('body: Đề nghị Đề nghị Đề …');
    expect(dataSummary({ a: 1, b: 2, c: 3, d: 4, e: 5 }).split(' · ')).toHaveLength(4);
    expect(dataSummary({})).toBe('');
  });
});

describe('secret ballots in the audit log', () => {
  it('shows their time to the minute, as the server gives it, and every other row to the second', () => {
    expect(timeToTheMinute('SecretBallotCast')).toBe(true);
    expect(timeToTheMinute('BallotCast')).toBe(false);
    expect(timeToTheMinute('VoteClosed')).toBe(false);
  });

  it('summarises what the server keeps of one: vote, article, choice, no hall', () => {
    expect(dataSummary({ voteId: 'v-9', articleId: 'd9', choice: 'OTHER' })).toBe('voteId: v-9 · articleId: d9 · choice: OTHER');
  });
});
