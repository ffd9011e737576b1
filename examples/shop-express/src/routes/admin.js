'use strict';

const express = require('express');
const db = require('../db');
const { requireRole } = require('../middleware/auth');

const router = express.Router();

router.use(requireRole('admin'));

router.get('/reports/sales', (req, res) => {
  const byStatus = {};
  let revenueCents = 0;
  for (const order of db.orders) {
    byStatus[order.status] = (byStatus[order.status] || 0) + 1;
    revenueCents += order.totalCents;
  }
  const report = JSON.stringify({ orders: db.orders.length, revenueCents, byStatus });
  res.json(report);
});

router.get('/reports/top-products', (req, res) => {
  const limit = Math.min(Number(req.query.limit) || 5, 50);
  const sold = new Map();
  for (const order of db.orders) {
    for (const { productId, quantity } of order.items) {
      sold.set(productId, (sold.get(productId) || 0) + quantity);
    }
  }
  const top = [...sold.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([productId, quantity]) => ({ productId, quantity }));
  res.json({ items: top });
});

router.patch('/orders/:id/status', (req, res) => {
  const allowed = ['paid', 'shipped', 'delivered', 'cancelled'];
  const status = req.body && req.body.status;
  if (!allowed.includes(status)) {
    return res.status(400).json({ error: `status must be one of ${allowed.join(', ')}` });
  }
  const order = db.orders.find((o) => o.id === req.params.id);
  if (!order) {
    return res.status(404).json({ error: 'order not found' });
  }
  order.status = status;
  res.json(order);
});

module.exports = router;
