import { Router } from 'express';
import type { Book } from '@shop/shared';
import { pool } from '../db/pool.js';
import { cached } from '../cache/redis.js';
import { recommendedBookIds } from '../clients/recommender.js';
import { requireUser } from '../middleware/auth.js';

export const booksRouter = Router();

const columns = 'id, title, author, isbn, price_cents AS price, stock, cover_url AS "coverUrl"';

booksRouter.get('/', async (req, res, next) => {
  try {
    const search = typeof req.query.q === 'string' ? req.query.q : '';
    const books = await cached(`books:list:${search}`, 60, async () => {
      const { rows } = await pool.query<Book>(
        `SELECT ${columns} FROM books WHERE $1 = '' OR title ILIKE '%' || $1 || '%' ORDER BY title LIMIT 100`,
        [search],
      );
      return rows;
    });
    res.json(books);
  } catch (err) {
    next(err);
  }
});

booksRouter.get('/recommended', requireUser, async (req, res, next) => {
  try {
    const ids = await recommendedBookIds(req.user!.id);
    const { rows } = await pool.query<Book>(`SELECT ${columns} FROM books WHERE id = ANY($1::uuid[])`, [ids]);
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

booksRouter.get('/:id', async (req, res, next) => {
  try {
    const { rows } = await pool.query<Book>(`SELECT ${columns} FROM books WHERE id = $1`, [req.params.id]);
    if (rows.length === 0) {
      res.status(404).json({ error: 'not_found' });
      return;
    }
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});
