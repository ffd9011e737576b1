// Annotations once per place and stop (Fastify and Koa label code through the sink).
import * as assert from 'assert';
import type { ModelRoute, SourceRange } from '../../../../src/core/model';
import { AnnotationSink } from '../../../../src/frameworks/shared/annotation-sink';

const range = (file: string, span: { start: number; line: number }): SourceRange => Object.freeze({ file, line: span.line, column: 1, endLine: span.line, endColumn: 9 });
const site = (file: string, start: number, line: number) => ({ file, span: { start, end: start + 8, line, column: 1, endLine: line, endColumn: 9 } });

describe('annotation sink', () => {
  it('one annotation per place and stop: the first one made, which a caller may add to', () => {
    const sink = new AnnotationSink({ range });
    const a = sink.add(site('/w/a.ts', 40, 3), 4, 'onRequest · auth');
    assert.strictEqual(sink.add(site('/w/a.ts', 40, 3), 4, 'onRequest · other'), a);
    assert.notStrictEqual(sink.add(site('/w/a.ts', 40, 3), 7, 'onSend · tag'), a);
    assert.notStrictEqual(sink.add(site('/w/b.ts', 40, 3), 4, 'onRequest · auth'), a);
    assert.deepStrictEqual(sink.out.map(x => `${x.file}:${x.line}:${x.stop}:${x.label}`), ['/w/a.ts:3:4:onRequest · auth', '/w/a.ts:3:7:onSend · tag', '/w/b.ts:3:4:onRequest · auth']);
    assert.deepStrictEqual(Object.keys(a!), ['file', 'line', 'column', 'endLine', 'endColumn', 'stop', 'label']);
  });

  it('addAt is add() without a Site: the same place and stop give the same annotation', () => {
    const sink = new AnnotationSink({ range });
    const a = sink.add(site('/w/a.ts', 40, 3), 5, 'handler list');
    assert.strictEqual(sink.addAt('/w/a.ts', site('/w/a.ts', 40, 3).span, 5, 'handler other'), a);
    assert.strictEqual(sink.out.length, 1);
  });

  it('no annotation without a site', () => {
    assert.strictEqual(new AnnotationSink({ range }).add(null, 4, 'x'), null);
  });

  it('one route annotation per registering call (the first method of `route({ method: [...] })`)', () => {
    const sink = new AnnotationSink({ range });
    const r = (method: string, line: number, column: number) => ({ method, path: '/a', range: { file: 'a.ts', line, column, endLine: line, endColumn: 20 } }) as ModelRoute;
    sink.stopsAndRoutes([], [r('GET', 2, 1), r('HEAD', 2, 1), r('POST', 2, 5), r('GET', 3, 1)]);
    assert.deepStrictEqual(sink.out.map(x => `${x.line}:${x.column}:${x.stop}:${x.label}`), ['2:1:3:GET /a', '2:5:3:POST /a', '3:1:3:GET /a']);
  });
});
