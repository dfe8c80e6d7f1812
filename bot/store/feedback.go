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

// userHash keeps users apart without keeping who they are.
func userHash(platform bot.Platform, user string) string {
	sum := sha256.Sum256([]byte(string(platform) + ":" + user))
	return hex.EncodeToString(sum[:12])
}

// Record keeps a question and returns its ID.
func (s *DB) Record(ctx context.Context, a bot.Asked) (int64, error) {
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

// Vote records one user's vote on an answer, replacing an earlier vote of theirs.
func (s *DB) Vote(ctx context.Context, id int64, platform bot.Platform, user string, up bool, at time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx,
		`INSERT INTO votes (question_id, user_hash, up, voted_at)
		 SELECT id, ?, ?, ? FROM questions WHERE id = ? AND answered = 1
		 ON CONFLICT (question_id, user_hash) DO UPDATE SET up = excluded.up, voted_at = excluded.voted_at`,
		userHash(platform, user), up, at.Unix(), id)
	if err != nil {
		return false, fmt.Errorf("record vote: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("record vote: %w", err)
	}
	return n > 0, nil
}

// Gaps returns the questions refused most and the answers voted down most since a time.
// Questions count together when they read the same but for case and spacing.
func (s *DB) Gaps(ctx context.Context, since time.Time, limit int) (bot.Gaps, error) {
	var g bot.Gaps
	rows, err := s.db.QueryContext(ctx,
		`SELECT MIN(question), COUNT(*) AS n FROM questions
		 WHERE answered = 0 AND asked_at >= ?
		 GROUP BY lower(trim(question)) ORDER BY n DESC, MIN(asked_at) LIMIT ?`, since.Unix(), limit)
	if err != nil {
		return g, fmt.Errorf("list refused questions: %w", err)
	}
	for rows.Next() {
		var gap bot.Gap
		if err := rows.Scan(&gap.Question, &gap.Count); err != nil {
			rows.Close()
			return g, fmt.Errorf("list refused questions: %w", err)
		}
		g.Refused = append(g.Refused, gap)
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx,
		`SELECT q.question, q.answer, COUNT(*) AS n FROM votes v JOIN questions q ON q.id = v.question_id
		 WHERE v.up = 0 AND v.voted_at >= ?
		 GROUP BY q.id ORDER BY n DESC, q.id LIMIT ?`, since.Unix(), limit)
	if err != nil {
		return g, fmt.Errorf("list voted-down answers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var gap bot.Gap
		if err := rows.Scan(&gap.Question, &gap.Answer, &gap.Count); err != nil {
			return g, fmt.Errorf("list voted-down answers: %w", err)
		}
		g.VotedDown = append(g.VotedDown, gap)
	}
	return g, rows.Err()
}
