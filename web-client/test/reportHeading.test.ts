import { beforeEach, describe, expect, it } from 'vitest';
import { applyEvent, fromSnapshot } from '../src/state/conference';
import { headingOf, problemOf } from '../src/ui/ReportHeadingForm';
import { ev, resetSeq, snapshotView } from './fixtures';

beforeEach(() => resetSeq(10));

const texts = { agency: ' Bộ Tư pháp ', parentBody: '', number: '25/BC-TBT', place: '', headTitle: '', signerTitle: 'Tổ phó',
  signerName: 'Nguyễn Văn An' };

describe("the report's heading block and signature", () => {
  it('comes with the snapshot and is replaced by ReportHeadingSet', () => {
    const s = fromSnapshot(snapshotView(), 10);
    expect(s.reportHeading).toBeNull();
    const stored = { agency: 'BỘ TƯ PHÁP', signing: 'KT' as const, signerTitle: 'Tổ phó', recipients: ['Bộ trưởng'] };
    const next = applyEvent(s, ev('ReportHeadingSet', { heading: stored, setBy: 'p-2', at: '2024-09-10T07:00:00Z' }));
    expect(next.reportHeading).toEqual(stored);
    expect(fromSnapshot(snapshotView({ reportHeading: stored }), 10).reportHeading).toEqual(stored);
  });

  it('sends empty fields as null (their default) and recipient lines without blanks', () => {
    const h = headingOf({ style: 'STATE', draftingBody: 'TO_BIEN_TAP', signing: 'KT', texts, recipients: 'Bộ trưởng\n\n  Các điểm cầu \n' });
    expect(h).toMatchObject({ agency: 'Bộ Tư pháp', parentBody: null, place: null, signerTitle: 'Tổ phó',
      recipients: ['Bộ trưởng', 'Các điểm cầu'], draftingBody: 'TO_BIEN_TAP', signing: 'KT' });
    expect(headingOf({ style: 'STATE', draftingBody: 'BAN_SOAN_THAO', signing: 'TM', texts, recipients: ' \n' }).recipients).toBeNull();
  });

  it('says before sending what the server would refuse: 21 recipients, KT. without the signer title', () => {
    const d = { style: 'STATE' as const, draftingBody: 'BAN_SOAN_THAO' as const, signing: 'TM' as const, texts, recipients: '' };
    expect(problemOf(d)).toBeNull();
    expect(problemOf({ ...d, recipients: Array.from({ length: 21 }, (_, i) => `Nơi ${i}`).join('\n') })).toMatch(/20/);
    expect(problemOf({ ...d, signing: 'KT', texts: { ...texts, signerTitle: ' ' } })).toMatch(/KT\./);
  });
});
