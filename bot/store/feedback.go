package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/azchina/azchina/bot"
)

var _ bot.Journal = (*DB)(nil)

// Retention is how long the journal keeps a question and the votes on it: /gaps looks back
// a week, and nothing needs older questions. Older ones are deleted when the database is
// opened and, while it stays open, once a day as questions are recorded.
const Retention = 30 * 24 * time.Hour

// pruneEvery is how often an open database prunes the journal.
const pruneEvery = 24 * time.Hour

// prune deletes the questions asked more than Retention ago and the votes on them.
func (s *DB) prune(ctx context.Context) error {
	now := s.now()
	before := now.Add(-Retention).Unix()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("prune questions: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM votes WHERE question_id IN (SELECT id FROM questions WHERE asked_at < ?)`, before); err != nil {
		return fmt.Errorf("prune votes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM questions WHERE asked_at < ?`, before); err != nil {
		return fmt.Errorf("prune questions: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("prune questions: %w", err)
	}
	s.mu.Lock()
	s.pruned = now
	s.mu.Unlock()
	return nil
}

// pruneDaily prunes the journal when it was last pruned a day ago or more; of callers at
// the same time, one prunes. A failure is not the question's: the next question recorded
// tries again.
func (s *DB) pruneDaily(ctx context.Context) {
	s.mu.Lock()
	due := s.now().Sub(s.pruned) >= pruneEvery
	if due {
		s.pruned = s.now()
	}
	s.mu.Unlock()
	if due && s.prune(ctx) != nil {
		s.mu.Lock()
		s.pruned = time.Time{}
		s.mu.Unlock()
	}
}

// userHash keeps users apart without keeping who they are.
func userHash(platform bot.Platform, user string) string {
	sum := sha256.Sum256([]byte(string(platform) + ":" + user))
	return hex.EncodeToString(sum[:12])
}

// Record keeps a question and returns its ID. Once a day it also prunes the journal.
func (s *DB) Record(ctx context.Context, a bot.Asked) (int64, error) {
	s.pruneDaily(ctx)
	res, err := s.db.ExecContext(ctx,
		`INSERT INTO questions (platform, chat, user_hash, question, answered, answer, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		string(a.Platform), a.ChatID, userHash(a.Platform, a.UserID), a.Question, a.Answered, a.Answer, a.At.Unix())
	if err != nil {
		return 0, fmt.Errorf("record question: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("record question: %w", err)
	}
	return id, nil
}

// Vote records one user's vote on an answer given on the same platform, replacing an
// earlier vote of theirs: one vote per user per answer.
func (s *DB) Vote(ctx context.Context, id int64, platform bot.Platform, user string, up bool, at time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx,
		`INSERT INTO votes (question_id, user_hash, up, voted_at)
		 SELECT id, ?, ?, ? FROM questions WHERE id = ? AND answered = 1 AND platform = ?
		 ON CONFLICT (question_id, user_hash) DO UPDATE SET up = excluded.up, voted_at = excluded.voted_at`,
		userHash(platform, user), up, at.Unix(), id, string(platform))
	if err != nil {
		return false, fmt.Errorf("record vote: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("record vote: %w", err)
	}
	return n > 0, nil
}

// Gaps returns one chat's questions asked most (at least twice) and refused most, and the
// answers voted down most, since a time; at most limit of each. Questions count together
// when they read the same but for case and surrounding space.
func (s *DB) Gaps(ctx context.Context, platform bot.Platform, chat string, since time.Time, limit int) (bot.Gaps, error) {
	var g bot.Gaps
	var err error
	if g.Asked, err = s.gaps(ctx, "most asked questions", `SELECT MIN(question), '', COUNT(*) AS n FROM questions
		WHERE platform = ? AND chat = ? AND asked_at >= ?
		GROUP BY lower(trim(question)) HAVING n >= 2 ORDER BY n DESC, MIN(asked_at) LIMIT ?`,
		string(platform), chat, since.Unix(), limit); err != nil {
		return g, err
	}
	if g.Refused, err = s.gaps(ctx, "refused questions", `SELECT MIN(question), '', COUNT(*) AS n FROM questions
		WHERE platform = ? AND chat = ? AND answered = 0 AND asked_at >= ?
		GROUP BY lower(trim(question)) ORDER BY n DESC, MIN(asked_at) LIMIT ?`,
		string(platform), chat, since.Unix(), limit); err != nil {
		return g, err
	}
	g.VotedDown, err = s.gaps(ctx, "voted-down answers", `SELECT q.question, q.answer, COUNT(*) AS n
		FROM votes v JOIN questions q ON q.id = v.question_id
		WHERE q.platform = ? AND q.chat = ? AND v.up = 0 AND v.voted_at >= ?
		GROUP BY q.id ORDER BY n DESC, q.id LIMIT ?`,
		string(platform), chat, since.Unix(), limit)
	return g, err
}

// gaps runs a query whose rows are question, answer and count.
func (s *DB) gaps(ctx context.Context, what, query string, args ...any) ([]bot.Gap, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", what, err)
	}
	defer rows.Close()
	var out []bot.Gap
	for rows.Next() {
		var gap bot.Gap
		if err := rows.Scan(&gap.Question, &gap.Answer, &gap.Count); err != nil {
			return nil, fmt.Errorf("list %s: %w", what, err)
		}
		out = append(out, gap)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list %s: %w", what, err)
	}
	return out, nil
}
