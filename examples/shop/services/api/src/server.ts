import express from 'express';
import { config } from './config.js';
import { logger } from './logger.js';
import { booksRouter } from './routes/books.js';
import { ordersRouter } from './routes/orders.js';
import { authRouter } from './routes/auth.js';
import { pool } from './db/pool.js';
import { redis } from './cache/redis.js';
import { closePublisher } from './queue/publisher.js';

export const app = express();
app.use(express.json());

app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});

app.use('/api/books', booksRouter);
app.use('/api/orders', ordersRouter);
app.use('/api/auth', authRouter);

app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  logger.error({ err }, 'unhandled error');
  res.status(500).json({ error: 'internal_error' });
});

if (process.env.NODE_ENV !== 'test') {
  const server = app.listen(config.PORT, () => {
    logger.info({ port: config.PORT }, 'api listening');
  });

  process.on('SIGTERM', () => {
    server.close(async () => {
      await Promise.allSettled([pool.end(), redis.quit(), closePublisher()]);
      process.exit(0);
    });
  });
}
