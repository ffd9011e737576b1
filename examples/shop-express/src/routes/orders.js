'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { Readable } = require('node:stream');
const express = require('express');
const db = require('../db');

const INVOICE_DIR = path.join(__dirname, '..', '..', 'invoices');

const router = express.Router();

function findOwnOrder(req) {
  return db.orders.find((o) => o.id === req.params.id && o.userId === req.user.id);
}

router.get('/', (req, res) => {
  const mine = db.orders.filter((o) => o.userId === req.user.id);
  res.json({ items: mine, count: mine.length });
});

router.get('/:id', (req, res) => {
  const order = findOwnOrder(req);
  if (!order) {
    return res.status(404).json({ error: 'order not found' });
  }
  res.json(order);
});

router.post('/', (req, res) => {
  const items = req.body && Array.isArray(req.body.items) ? req.body.items : [];
  if (items.length === 0) {
    return res.status(400).json({ error: 'an order needs at least one item' });
  }

  let totalCents = 0;
  for (const { productId, quantity } of items) {
    const product = db.products.find((p) => p.id === productId);
    if (!product || !Number.isInteger(quantity) || quantity < 1) {
      return res.status(400).json({ error: `invalid item: ${productId}` });
    }
    if (product.stock < quantity) {
      return res.status(409).json({ error: `not enough stock for ${product.name}` });
    }
    totalCents += product.priceCents * quantity;
  }

  for (const { productId, quantity } of items) {
    db.products.find((p) => p.id === productId).stock -= quantity;
  }

  const order = {
    id: db.newOrderId(),
    userId: req.user.id,
    items: items.map(({ productId, quantity }) => ({ productId, quantity })),
    totalCents,
    status: 'paid',
    createdAt: new Date().toISOString(),
  };
  db.orders.push(order);
  res.status(201).location(`${req.baseUrl}/${order.id}`).json(order);
});

router.get('/:id/invoice', (req, res, next) => {
  const order = findOwnOrder(req);
  if (!order) {
    return res.status(404).json({ error: 'order not found' });
  }
  const file = path.join(INVOICE_DIR, `${order.id}.pdf`);
  if (!fs.existsSync(file)) {
    return res.status(404).json({ error: 'invoice not ready yet' });
  }
  res.sendFile(file, (err) => {
    if (err) next(err);
  });
});

function* csvLines(orders) {
  yield 'id,user_id,status,total_cents,created_at\n';
  for (const o of orders) {
    yield `${o.id},${o.userId},${o.status},${o.totalCents},${o.createdAt}\n`;
  }
}

// Streams orders as CSV: admins get every order, customers only their own.
function exportOrders(req, res) {
  const rows = req.user.role === 'admin' ? db.orders : db.orders.filter((o) => o.userId === req.user.id);
  res.set('Content-Type', 'text/csv; charset=utf-8');
  res.attachment('orders.csv');
  Readable.from(csvLines(rows)).pipe(res);
}

module.exports = { router, exportOrders };
