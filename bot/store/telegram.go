package store

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// KeepDoneUpdates is how long an answered Telegram update is remembered, so that one
// delivered again is skipped: Telegram keeps an unconfirmed update no longer than a day.
const KeepDoneUpdates = 24 * time.Hour

// TakeUpdates keeps the Telegram updates (update_id → JSON) that bot has not kept before
// as pending, and returns their IDs in ascending order; an update kept before, pending or
// done, is left alone and not returned. It forgets the updates done more than
// KeepDoneUpdates before at. It is one transaction: racing takers take each update once.
func (s *DB) TakeUpdates(ctx context.Context, bot int64, updates map[int64][]byte, at time.Time) ([]int64, error) {
	ids := make([]int64, 0, len(updates))
	for id := range updates {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("take telegram updates: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM telegram_updates WHERE done_at > 0 AND done_at < ?`,
		ms(at.Add(-KeepDoneUpdates))); err != nil {
		return nil, fmt.Errorf("forget old telegram updates: %w", err)
	}
	insert, err := tx.PrepareContext(ctx,
		`INSERT INTO telegram_updates (bot, id, body, taken_at) VALUES (?, ?, ?, ?) ON CONFLICT (bot, id) DO NOTHING`)
	if err != nil {
		return nil, fmt.Errorf("take telegram updates: %w", err)
	}
	defer insert.Close()
	taken := ids[:0]
	for _, id := range ids {
		res, err := insert.ExecContext(ctx, bot, id, updates[id], ms(at))
		if err != nil {
			return nil, fmt.Errorf("take telegram update %d: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return nil, fmt.Errorf("take telegram update %d: %w", id, err)
		} else if n == 1 {
			taken = append(taken, id)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("take telegram updates: %w", err)
	}
	return taken, nil
}

// DoneUpdates marks bot's updates answered, or given up on: they are no longer pending,
// and are remembered for KeepDoneUpdates so that a redelivery is skipped.
func (s *DB) DoneUpdates(ctx context.Context, bot int64, ids []int64, at time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("mark telegram updates done: %w", err)
	}
	defer tx.Rollback()
	done, err := tx.PrepareContext(ctx, `UPDATE telegram_updates SET done_at = ?, body = X'' WHERE bot = ? AND id = ? AND done_at = 0`)
	if err != nil {
		return fmt.Errorf("mark telegram updates done: %w", err)
	}
	defer done.Close()
	for _, id := range ids {
		if _, err := done.ExecContext(ctx, max(ms(at), 1), bot, id); err != nil {
			return fmt.Errorf("mark telegram update %d done: %w", id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("mark telegram updates done: %w", err)
	}
	return nil
}

// PendingUpdates returns bot's updates taken and not done (update_id → JSON).
func (s *DB) PendingUpdates(ctx context.Context, bot int64) (map[int64][]byte, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, body FROM telegram_updates WHERE bot = ? AND done_at = 0`, bot)
	if err != nil {
		return nil, fmt.Errorf("read pending telegram updates: %w", err)
	}
	defer rows.Close()
	pending := map[int64][]byte{}
	for rows.Next() {
		var id int64
		var body []byte
		if err := rows.Scan(&id, &body); err != nil {
			return nil, fmt.Errorf("read pending telegram updates: %w", err)
		}
		pending[id] = body
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read pending telegram updates: %w", err)
	}
	return pending, nil
}
