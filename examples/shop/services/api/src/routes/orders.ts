import { Router } from 'express';
import { z } from 'zod';
import type { Order } from '@shop/shared';
import { pool } from '../db/pool.js';
import { publishOrderCreated } from '../queue/publisher.js';
import { requireUser } from '../middleware/auth.js';

export const ordersRouter = Router();

const newOrder = z.object({
  lines: z.array(z.object({ bookId: z.string().uuid(), quantity: z.number().int().positive() })).min(1),
});

ordersRouter.get('/', requireUser, async (req, res, next) => {
  try {
    const { rows } = await pool.query<Order>(
      `SELECT id, customer_id AS "customerId", status, total_cents AS total, created_at AS "createdAt"
         FROM orders WHERE customer_id = $1 ORDER BY created_at DESC`,
      [req.user!.id],
    );
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

ordersRouter.post('/', requireUser, async (req, res, next) => {
  const parsed = newOrder.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: 'invalid_order', issues: parsed.error.issues });
    return;
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<Order>(
      `INSERT INTO orders (customer_id, status, total_cents)
       SELECT $1, 'pending', SUM(b.price_cents * l.quantity)
         FROM jsonb_to_recordset($2::jsonb) AS l("bookId" uuid, quantity int)
         JOIN books b ON b.id = l."bookId"
       RETURNING id, customer_id AS "customerId", status, total_cents AS total, created_at AS "createdAt"`,
      [req.user!.id, JSON.stringify(parsed.data.lines)],
    );
    const order = rows[0];
    for (const line of parsed.data.lines) {
      await client.query('INSERT INTO order_lines (order_id, book_id, quantity) VALUES ($1, $2, $3)', [
        order.id,
        line.bookId,
        line.quantity,
      ]);
    }
    await client.query('COMMIT');
    await publishOrderCreated({ orderId: order.id, customerEmail: req.user!.email, lines: parsed.data.lines });
    res.status(201).json(order);
  } catch (err) {
    await client.query('ROLLBACK');
    next(err);
  } finally {
    client.release();
  }
});
