'use strict';

const db = require('../db');

// Reads a bearer token from the Authorization header and attaches the signed-in user.
function requireUser(req, res, next) {
  const header = req.headers.authorization;
  const token = header && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
  const user = token ? db.users.find((u) => u.token === token) : undefined;
  if (!user) {
    return res.status(401).json({ error: 'unauthorized' });
  }
  req.user = { id: user.id, email: user.email, name: user.name, role: user.role };
  next();
}

// Use after requireUser: lets the request through only when the user has the given role.
function requireRole(role) {
  return function checkRole(req, res, next) {
    if (!req.user || req.user.role !== role) {
      return res.status(403).json({ error: 'forbidden' });
    }
    next();
  };
}

module.exports = { requireUser, requireRole };
