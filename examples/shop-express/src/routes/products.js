'use strict';

const express = require('express');
const db = require('../db');

const router = express.Router();

// Public catalogue.
router.get('/', (req, res) => {
  const inStockOnly = req.query.inStock === 'true';
  const items = inStockOnly ? db.products.filter((p) => p.stock > 0) : db.products;
  res.json({ items, count: items.length });
});

router.get('/:id', (req, res) => {
  const product = db.products.find((p) => p.id === req.params.id);
  if (!product) {
    return res.status(404).json({ error: 'product not found' });
  }
  res.json(product);
});

// The home page's picks.
router.get('/featured', (req, res) => {
  const items = db.products.filter((p) => p.featured);
  res.json({ items, count: items.length });
});

module.exports = router;
