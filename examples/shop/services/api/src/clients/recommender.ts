import { config } from '../config.js';

/** Asks the Go recommender service which books to show; an empty list when it is down. */
export async function recommendedBookIds(customerId: string): Promise<string[]> {
  try {
    const url = new URL('/recommendations', config.RECOMMENDER_URL);
    url.searchParams.set('customer', customerId);
    const response = await fetch(url, { signal: AbortSignal.timeout(500) });
    if (!response.ok) return [];
    const body = (await response.json()) as { bookIds: string[] };
    return body.bookIds;
  } catch {
    return [];
  }
}
