import { describe, expect, it } from 'vitest';
import { wsUrl } from '../src/status';

describe('wsUrl', () => {
  it('uses ws: on plain http', () => {
    expect(wsUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws');
  });
  it('uses wss: behind https', () => {
    expect(wsUrl({ protocol: 'https:', host: 'hoinghi.example' })).toBe('wss://hoinghi.example/ws');
  });
});
