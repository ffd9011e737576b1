// The module roots a package.json adds (src/core/module-roots.ts): NODE_PATH in its scripts.
import * as assert from 'assert';
import { nodePathsIn } from '../../../src/core/module-roots';

describe('module roots from package.json scripts', () => {
  it('NODE_PATH=src before the command', () => {
    assert.deepStrictEqual(nodePathsIn('NODE_PATH=src node src/bin/server'), ['src']);
  });

  it('cross-env NODE_PATH with two folders', () => {
    assert.deepStrictEqual(nodePathsIn('cross-env NODE_ENV=production NODE_PATH=./src:./lib node app.js'), ['./src', './lib']);
  });

  it("export NODE_PATH='src'; and Windows' set NODE_PATH=src&&", () => {
    assert.deepStrictEqual(nodePathsIn("export NODE_PATH='src'; node index.js"), ['src']);
    assert.deepStrictEqual(nodePathsIn('set NODE_PATH=src&& node index.js'), ['src']);
  });

  it('the inherited $NODE_PATH is nothing the package says; MY_NODE_PATH is another variable', () => {
    assert.deepStrictEqual(nodePathsIn('NODE_PATH=$NODE_PATH:src node index.js'), ['src']);
    assert.deepStrictEqual(nodePathsIn('MY_NODE_PATH=src node index.js'), []);
  });
});
