import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { format, translate } from '../src/i18n';
import { vi } from '../src/i18n/vi';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogs', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('use the same placeholders for every key', () => {
    for (const k of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[k]), k).toEqual(placeholders(vi[k]));
    }
  });

  it('have no empty message', () => {
    for (const [k, v] of [...Object.entries(vi), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('write Vietnamese with its diacritics, in NFC', () => {
    expect(vi['vote.AGREE']).toBe('Tán thành');
    expect(vi['vote.DISAGREE']).toBe('Không tán thành');
    expect(vi['vote.OTHER']).toBe('Ý kiến khác');
    expect(vi['queue.request']).toBe('Đăng ký phát biểu');
    expect(vi['resp.ACCEPTED']).toBe('Tiếp thu');
    for (const [k, v] of Object.entries(vi)) expect(v.normalize('NFC'), k).toBe(v);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{n}/{total} điểm cầu', { n: 3, total: 35 })).toBe('3/35 điểm cầu');
    expect(format('{n} và {m}', { n: 1 })).toBe('1 và {m}');
    expect(translate('en', 'chair.onlineCount', { n: 3, total: 35 })).toBe('3/35 endpoints online');
  });
});
