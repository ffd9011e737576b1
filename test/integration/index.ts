// Loaded by the VS Code extension host (--extensionTestsPath). Runs every *.test.js bundled beside it.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000 });
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    let passed = 0;
    const runner = mocha.run(failures => {
      try { // a throw here would leave run() pending and the driver would time out
        console.log(`ext-host: ${passed} passed, ${failures} failed`);
      } catch (e) { return reject(e); }
      if (failures > 0) reject(new Error(`${failures} test(s) failed`)); else resolve();
    });
    runner.on('pass', () => { passed++; });
  });
}
