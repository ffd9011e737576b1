// Stop annotations inside Express handlers (src/frameworks/express/annotations.ts): where a body
// serializes (6) or writes to the socket (7), e.g. a stream piped into `res`.
import * as assert from 'assert';
import { lowerPreparsed } from '../../../../src/core/lower';
import { analyse } from '../../workspace';

const APP = `import express from 'express';
import files from './routes/files';
const app = express();
app.use('/files', files);
app.listen(3000);
`;

/** `line:stop label` for each stop 6 and 7 annotation in `file`. */
function bodySites(files: Record<string, string>, file: string): string[] {
  return analyse({ 'package.json': '{"dependencies":{"express":"^4.21.0"}}', 'app.ts': APP, ...files })
    .annotations.filter(a => a.file === file && a.stop >= 6)
    .map(a => `${a.line}:${a.stop} ${a.label}`);
}

describe('express handler body annotations', () => {
  it('marks a stream piped into res as stop 7 whatever the length of the expression before .pipe', () => {
    const router = `import { Router } from 'express';
import * as fs from 'fs';
import { createReadStream } from 'fs';
const router = Router();
router.get('/short', (req, res) => {
  createReadStream(\`/s/\${(req as any).user.id}.csv\`).pipe(res);
});
router.get('/export', (req, res) => {
  createReadStream(\`/srv/data/\${(req as any).user.id}.csv\`).pipe(res);
});
router.get('/nested', (req, res) => {
  fs.createReadStream(\`\${\`/srv/\${req.params.tenant}/data\`}/\${req.params.name}.csv\`).pipe(res);
});
router.get('/plain', (req, res) => {
  fs.createReadStream('/srv/data/' /* a/b */ + req.params.name + '.csv').pipe(res);
});
export default router;
`;
    assert.deepStrictEqual(bodySites({ 'routes/files.ts': router }, 'routes/files.ts'), ['6:7 pipe(res)', '9:7 pipe(res)', '12:7 pipe(res)', '15:7 pipe(res)']);
  });

  it('marks the pipe in a class method handler whose body preparse blanked', () => {
    const router = `import { Router } from 'express';
import { createReadStream } from 'fs';
class FilesController {
  exportCsv(req, res) {
    const name = String(req.query.name ?? 'all').replace(/[^a-z]/g, '') + '.csv';
    res.attachment(name);
    createReadStream(\`/srv/data/\${(req as any).user.id}/\${name}\`).pipe(res);
  }
}
const files = new FilesController();
const router = Router();
router.get('/export', (req, res) => files.exportCsv(req, res));
router.get('/direct', files.exportCsv);
export default router;
`;
    assert.ok(lowerPreparsed('files.ts', router), 'exportCsv was blanked');
    assert.deepStrictEqual(bodySites({ 'routes/files.ts': router }, 'routes/files.ts'), ['6:7 res.attachment', '7:7 pipe(res)']);
  });

  it('labels a handler once however many routes and mounts run it', () => {
    const router = `import { Router } from 'express';
const router = Router();
const shared = (req, res) => {
  res.json({ ok: true });
};
router.get('/a', shared);
router.get('/b', shared);
export default router;
`;
    const app = `${APP}app.use('/again', files);\n`;
    const labels = analyse({ 'package.json': '{"dependencies":{"express":"^4.21.0"}}', 'app.ts': app, 'routes/files.ts': router })
      .annotations.filter(a => a.file === 'routes/files.ts')
      .map(a => `${a.line}:${a.column}:${a.stop} ${a.label}`);
    assert.deepStrictEqual(labels, ['3:16:5 handler shared', '4:3:6 res.json', '6:1:3 GET /files/a', '7:1:3 GET /files/b']);
  });
});
