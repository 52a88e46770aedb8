import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../src/app/router';
import { allowedViews, homeView, openableViews, synthesisViews } from '../src/app/session';

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

  it('carries a view\'s own parameters in the query', () => {
    expect(parseRoute('#/c/demo/diff?from=1&to=3')).toEqual({ name: 'conference', conferenceId: 'demo', view: 'diff', params: { from: '1', to: '3' } });
    expect(parseRoute('#/c/demo/report')).toEqual({ name: 'conference', conferenceId: 'demo', view: 'report' });
  });

  it('writes what it reads', () => {
    for (const h of ['#/login', '#/join/demo/K7P2QX9MNA', '#/c/demo/delegate', '#/c/c-2f%2Fx/host', '#/c/demo/diff?from=1&to=2', '#/c/demo/audit']) {
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

describe('who opens the synthesis views', () => {
  it('follows the server: report to moderators and hosts, revising to those who may import, the log to moderators', () => {
    expect(synthesisViews(['SECRETARY'])).toEqual(['report', 'revise', 'diff', 'audit']);
    expect(synthesisViews(['CHAIR', 'DELEGATE'])).toEqual(['report', 'diff', 'audit']);
    expect(synthesisViews([], true)).toEqual(['report', 'revise', 'diff', 'audit']);
    expect(synthesisViews(['HOST'])).toEqual(['report', 'diff']);
    expect(synthesisViews(['DELEGATE'])).toEqual(['diff']);
    expect(openableViews(['DELEGATE'])).not.toContain('audit');
    expect(openableViews(['HOST'])).toContain('report');
  });
});
