// The Express recorder (src/frameworks/express/hooks.ts): the hosts it creates while the program is
// replayed, and their ids, drawn from the analyser's counter rather than a module's.
import * as assert from 'assert';
import type { AdapterRuntime } from '../../../../src/core/adapter';
import { type Site, UNKNOWN, type Value } from '../../../../src/core/values';
import { ExpressRecorder } from '../../../../src/frameworks/express/hooks';

const site: Site = { file: '/w/app.js', span: { start: 0, end: 9, line: 1, column: 1, endLine: 1, endColumn: 10 } };
const express: Value = { t: 'pkg', name: 'express', path: [] };
const router: Value = { t: 'pkg', name: 'express', path: ['Router'] };
/** No interpreter behind it: the recorder only asks who owns what it creates. */
const rt: AdapterRuntime = { owner: null, arms: null, call: () => UNKNOWN('not run'), require: () => UNKNOWN('not loaded'), requireFile: () => UNKNOWN('not loaded'), list: () => null, touch: () => {} };

describe('ExpressRecorder', () => {
  it('records an app created by express() and a router by express.Router()', () => {
    const rec = new ExpressRecorder({ lastHostId: 0 });
    rec.call(express, [], site, rt);
    rec.call(router, [], site, rt);
    assert.deepStrictEqual(rec.hosts.map(h => [h.kind, h.id]), [['app', 1], ['router', 2]]);
  });

  it('draws ids from the counter it is given: two analysers\' recorders number their hosts alone', () => {
    const first = { lastHostId: 0 };
    const second = { lastHostId: 0 };
    new ExpressRecorder(first).call(express, [], site, rt);
    new ExpressRecorder(second).call(express, [], site, rt);
    // A later run of the first analyser continues its own numbering.
    const later = new ExpressRecorder(first);
    later.call(express, [], site, rt);
    assert.deepStrictEqual([later.hosts[0].id, first.lastHostId, second.lastHostId], [2, 2, 1]);
  });
});
