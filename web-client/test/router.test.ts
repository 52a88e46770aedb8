import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../src/app/router';
import { allowedViews, homeView } from '../src/app/session';

describe('hash routes', () => {
  it('reads the login, join and conference routes', () => {
    expect(parseRoute('')).toEqual({ name: 'login' });
    expect(parseRoute('#/login')).toEqual({ name: 'login' });
    expect(parseRoute('#/login?next=%23%2Fc%2Fdemo%2Fchair')).toEqual({ name: 'login', next: '#/c/demo/chair' });
    expect(parseRoute('#/join/demo/K7P2QX9MNA')).toEqual({ name: 'join', conferenceId: 'demo', code: 'K7P2QX9MNA' });
    expect(parseRoute('#/c/demo/screen')).toEqual({ name: 'conference', conferenceId: 'demo', view: 'screen' });
    expect(parseRoute('#/c/demo')).toEqual({ name: 'conference', conferenceId: 'demo', view: null });
    expect(parseRoute('#/c/demo/admin')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/elsewhere')).toEqual({ name: 'notFound' });
  });

  it('writes what it reads', () => {
    for (const h of ['#/login', '#/join/demo/K7P2QX9MNA', '#/c/demo/delegate', '#/c/c-2f%2Fx/host']) {
      expect(href(parseRoute(h))).toBe(h);
    }
  });

  it('matches the server\'s join link (RestApi: /#/join/<conference>/<code>)', () => {
    const link = 'http://localhost:8080/#/join/demo/ABCDEFGHJK';
    expect(parseRoute(new URL(link).hash)).toEqual({ name: 'join', conferenceId: 'demo', code: 'ABCDEFGHJK' });
  });
});

describe('where each role lands', () => {
  it('sends every role to its own view', () => {
    expect(homeView(['CHAIR', 'DELEGATE'])).toBe('chair');
    expect(homeView(['SECRETARY'])).toBe('secretary');
    expect(homeView(['HOST'])).toBe('host');
    expect(homeView(['DELEGATE'])).toBe('delegate');
    expect(homeView(['OBSERVER'])).toBe('screen');
    expect(homeView([], true)).toBe('secretary');
  });

  it('lets the chair, who is also a delegate, open the delegate view, and nobody the chair console without the role', () => {
    expect(allowedViews(['CHAIR', 'DELEGATE'])).toEqual(['chair', 'secretary', 'delegate', 'screen']);
    expect(allowedViews(['DELEGATE'])).not.toContain('chair');
    expect(allowedViews(['OBSERVER'])).toEqual(['screen']);
  });
});
