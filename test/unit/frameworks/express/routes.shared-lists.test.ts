// Lists a route holds for the whole run are shared by routes behind the same layers (routes.ts):
// one array per distinct list, not one per route (100,000 routes on a large workspace).
import * as assert from 'assert';
import { analyse } from '../../workspace';

describe('express routes: shared lists', () => {
  it('routes behind the same body parsers and auth share their lists; different lists stay apart', () => {
    const r = analyse({ 'app.js': `const express = require('express');
const app = express();
const auth = (req, res, next) => (req.headers.authorization ? next() : res.status(401).end());
app.use(express.json());
app.get('/a', auth, (req, res) => res.json(req.body));
app.get('/b', auth, (req, res) => res.json(req.body));
app.post('/c', express.urlencoded({ extended: false }), (req, res) => res.json(req.body));
app.post('/d', express.urlencoded({ extended: false }), (req, res) => res.json(req.body));
` });
    const [a, b, c, d] = r.model.routes;
    assert.deepStrictEqual(a.bodyParsers?.map(p => p.name), ['express.json']);
    assert.strictEqual(a.bodyParsers, b.bodyParsers);
    assert.strictEqual(a.authBy, b.authBy);
    assert.deepStrictEqual(c.bodyParsers?.map(p => p.name), ['express.json', 'express.urlencoded']);
    // Two parser calls are two parsers: same names, different lists.
    assert.notStrictEqual(c.bodyParsers, d.bodyParsers);
    assert.notStrictEqual(a.bodyParsers, c.bodyParsers);
  });
});
