// Package ranking orders books by how often they sold recently, skipping what the customer already bought.
package ranking

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// SalesKey is a sorted set of book ids scored by copies sold in the last 30 days.
const SalesKey = "ranking:sales:30d"

// Store is the part of the Redis client the ranker needs, so tests can pass a fake.
type Store interface {
	ZRevRange(ctx context.Context, key string, start, stop int64) *redis.StringSliceCmd
	SMembers(ctx context.Context, key string) *redis.StringSliceCmd
}

type Ranker struct{ store Store }

func New(store Store) *Ranker { return &Ranker{store: store} }

// Top returns up to n book ids, best sellers first, without those the customer has bought.
func (r *Ranker) Top(ctx context.Context, customerID string, n int) ([]string, error) {
	best, err := r.store.ZRevRange(ctx, SalesKey, 0, int64(n*3)).Result()
	if err != nil {
		return nil, fmt.Errorf("read sales ranking: %w", err)
	}
	owned := map[string]bool{}
	if customerID != "" {
		bought, err := r.store.SMembers(ctx, "customer:"+customerID+":books").Result()
		if err != nil {
			return nil, fmt.Errorf("read purchases: %w", err)
		}
		for _, id := range bought {
			owned[id] = true
		}
	}
	return Filter(best, owned, n), nil
}

// Filter keeps the first n ids that are not owned, preserving order.
func Filter(ids []string, owned map[string]bool, n int) []string {
	out := make([]string, 0, n)
	for _, id := range ids {
		if len(out) == n {
			break
		}
		if !owned[id] {
			out = append(out, id)
		}
	}
	return out
}
