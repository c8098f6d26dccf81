import type { NextFunction, Request, Response } from 'express';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import { config } from '../config.js';

declare global {
  namespace Express {
    interface Request {
      user?: { id: string; email: string };
    }
  }
}

export function requireUser(req: Request, res: Response, next: NextFunction): void {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  try {
    const claims = jwt.verify(token, config.JWT_SECRET) as JwtPayload;
    req.user = { id: String(claims.sub), email: String(claims.email) };
    next();
  } catch {
    res.status(401).json({ error: 'unauthorized' });
  }
}
