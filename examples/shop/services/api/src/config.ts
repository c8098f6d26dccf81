import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().default(3000),
  DATABASE_URL: z.string().url(),
  REDIS_URL: z.string().url(),
  AMQP_URL: z.string().url(),
  RECOMMENDER_URL: z.string().url(),
  JWT_SECRET: z.string().min(8),
  LOG_LEVEL: z.string().default('info'),
});

export const config = schema.parse(process.env);
