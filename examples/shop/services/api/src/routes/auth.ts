import { Router } from 'express';
import { scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { config } from '../config.js';
import { pool } from '../db/pool.js';

export const authRouter = Router();

const scryptAsync = promisify(scrypt) as (password: string, salt: string, keylen: number) => Promise<Buffer>;
const credentials = z.object({ email: z.string().email(), password: z.string().min(1) });

authRouter.post('/login', async (req, res, next) => {
  const parsed = credentials.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: 'invalid_credentials' });
    return;
  }
  try {
    const { rows } = await pool.query<{ id: string; email: string; password_hash: string }>(
      'SELECT id, email, password_hash FROM customers WHERE email = $1',
      [parsed.data.email],
    );
    const customer = rows[0];
    // Stored as "salt:hash" (hex), written by the sign-up flow.
    const [salt, hash] = customer ? customer.password_hash.split(':') : ['', ''];
    const candidate = await scryptAsync(parsed.data.password, salt, 64);
    if (!customer || !timingSafeEqual(candidate, Buffer.from(hash, 'hex'))) {
      res.status(401).json({ error: 'invalid_credentials' });
      return;
    }
    const token = jwt.sign({ sub: customer.id, email: customer.email }, config.JWT_SECRET, { expiresIn: '12h' });
    res.json({ token });
  } catch (err) {
    next(err);
  }
});
