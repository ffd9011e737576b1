// What a route is compared with while an app is walked (src/frameworks/express/befores.ts).
import * as assert from 'assert';
import type { RouteBefore } from '../../../../src/frameworks/express/befores';
import { Befores } from '../../../../src/frameworks/express/befores';

const range = { file: 'app.js', line: 1, column: 1, endLine: 1, endColumn: 2 };
type NewRoute = Omit<RouteBefore, 'seq' | 'type' | 'loose' | 'walk'>;
const route = (path: string, segs: string[]): NewRoute => ({
  segs, caseSensitive: segs.map(() => false), path, method: 'GET', fns: [], passes: false, ends: true, name: path, range, router: 1, exits: [], arms: null,
});

describe('Befores', () => {
  it('offers a route only the earlier routes that can match its path, in dispatch order', () => {
    const before = new Befores({ lastWalk: 0 });
    before.addRoute(route('/users/:id', ['users', ':id']));
    before.addRoute(route('/health', ['health']));
    before.addRoute(route('/users/me', ['users', 'me']));
    assert.deepStrictEqual(before.candidates(['users', 'me']).map(b => (b.type === 'route' ? b.path : '')), ['/users/:id', '/users/me']);
  });

  it('numbers walks from the analyser\'s counter: unknown path pieces differ between its walks, not between analysers', () => {
    const first = { lastWalk: 0 };
    const a = new Befores(first).unknownPiece();
    const b = new Befores(first).unknownPiece();
    const other = new Befores({ lastWalk: 0 }).unknownPiece();
    assert.notStrictEqual(a, b);
    assert.strictEqual(other, a);
    assert.strictEqual(first.lastWalk, 2);
  });
});
