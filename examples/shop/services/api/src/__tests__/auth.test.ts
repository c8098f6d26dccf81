import { beforeEach, describe, expect, it, vi } from 'vitest';

process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = 'postgres://shop:shop@localhost:5432/shop_test';
process.env.REDIS_URL = 'redis://localhost:6379';
process.env.AMQP_URL = 'amqp://localhost:5672';
process.env.RECOMMENDER_URL = 'http://localhost:8081';
process.env.JWT_SECRET = 'test-secret-value';

vi.mock('../queue/publisher.js', () => ({
  publishOrderCreated: vi.fn(),
  closePublisher: vi.fn(),
}));
vi.mock('../cache/redis.js', () => ({ redis: { quit: vi.fn() }, cached: vi.fn() }));

const { requireUser } = await import('../middleware/auth.js');
const jwt = (await import('jsonwebtoken')).default;

function fakeResponse() {
  const res = { statusCode: 200, body: undefined as unknown, status: vi.fn(), json: vi.fn() };
  res.status.mockImplementation((code: number) => ((res.statusCode = code), res));
  res.json.mockImplementation((body: unknown) => ((res.body = body), res));
  return res;
}

describe('requireUser', () => {
  beforeEach(() => vi.clearAllMocks());

  it('accepts a token signed with the configured secret', () => {
    const token = jwt.sign({ sub: 'c-1', email: 'reader@example.com' }, 'test-secret-value');
    const req = { headers: { authorization: `Bearer ${token}` } } as never;
    const next = vi.fn();
    requireUser(req, fakeResponse() as never, next);
    expect(next).toHaveBeenCalledOnce();
    expect((req as { user: unknown }).user).toEqual({ id: 'c-1', email: 'reader@example.com' });
  });

  it('rejects a missing token with 401', () => {
    const res = fakeResponse();
    const next = vi.fn();
    requireUser({ headers: {} } as never, res as never, next);
    expect(next).not.toHaveBeenCalled();
    expect(res.statusCode).toBe(401);
  });
});
