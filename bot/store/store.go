// Package store keeps azchina's state in one SQLite file (modernc.org/sqlite, no cgo):
// digest schedules, what was posted where, and each chat's fact rotation (digest.Store);
// the questions asked and the votes on answers (bot.Journal); and the Telegram updates the
// bot has taken and not yet answered (telegram.Inbox). Several processes may share the
// file: it runs in WAL mode with a busy timeout, and every decision between racing
// processes is one conditional statement.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite" // also the database/sql driver "sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
)

//go:embed migrations/*.sql
var migrations embed.FS

// BusyTimeout is how long a statement waits for another connection's write lock before
// it fails with SQLITE_BUSY.
const BusyTimeout = 10 * time.Second

// DB is the SQLite store. It is safe for concurrent use, and by several processes.
type DB struct {
	db  *sql.DB
	now func() time.Time

	mu     sync.Mutex
	pruned time.Time // when the journal was last pruned
}

// Option configures a DB.
type Option func(*DB)

// WithClock sets the clock that decides which questions are past Retention, and when the
// journal is pruned again.
func WithClock(now func() time.Time) Option { return func(s *DB) { s.now = now } }

var _ digest.Store = (*DB)(nil)

// Open opens the SQLite file at path, creating it when missing, switches it to WAL mode,
// brings its schema up to date and prunes the question journal (see Retention). Several
// processes (or goroutines) may open one new file at once. It fails when the file is not
// a database, cannot be written, stays locked by another process for longer than
// BusyTimeout, or was made by a newer azchina.
func Open(ctx context.Context, path string, opts ...Option) (*DB, error) {
	if path == "" {
		return nil, errors.New("open database: no path")
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("open database %s: the path must not contain '?'", path)
	}
	// _txlock=immediate: a transaction takes the write lock when it begins, so that two
	// writers wait for each other under the busy timeout instead of failing on upgrade.
	// WAL mode is not set here, on every new connection: see setup.
	dsn := fmt.Sprintf("%s?_pragma=busy_timeout(%d)&_pragma=synchronous(NORMAL)&_txlock=immediate",
		path, BusyTimeout.Milliseconds())
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &DB{db: db, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := s.setup(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := s.prune(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

// setup switches the file to WAL mode and migrates it, trying again while another
// connection holds a lock the busy timeout does not wait for: switching a new file to WAL
// needs it alone, and SQLite answers SQLITE_BUSY at once to the others racing to do the
// same. WAL mode stays with the file, so it is set once, on one connection.
func (s *DB) setup(ctx context.Context) error {
	deadline := time.Now().Add(BusyTimeout)
	wait := 2 * time.Millisecond
	for {
		err := s.wal(ctx)
		if err == nil {
			err = s.migrate(ctx)
		}
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		// Jitter keeps the racers from retrying in step.
		timer := time.NewTimer(wait/2 + time.Duration(rand.Int64N(int64(wait))))
		select {
		case <-ctx.Done():
			timer.Stop()
			return fmt.Errorf("%w (gave up waiting: %w)", err, ctx.Err())
		case <-timer.C:
		}
		wait = min(2*wait, 100*time.Millisecond)
	}
}

// wal puts the file in WAL mode, which readers and a writer share without blocking each
// other.
func (s *DB) wal(ctx context.Context) error {
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return fmt.Errorf("switch to WAL mode: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("switch to WAL mode: the file stays in %s mode (is it on a network file system?)", mode)
	}
	return nil
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (or one of its extended codes).
func isBusy(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == sqlite3.SQLITE_BUSY
}

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// migrate applies the embedded migrations the file lacks, in one transaction; the file's
// user_version is the number of the last one applied.
func (s *DB) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	type migration struct {
		version int
		name    string
	}
	var all []migration
	for _, name := range names {
		num, _, _ := strings.Cut(path.Base(name), "_")
		v, err := strconv.Atoi(num)
		if err != nil || v <= 0 {
			return fmt.Errorf("migration %s: name must start with its number", name)
		}
		all = append(all, migration{v, name})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].version < all[j].version })
	for i := 1; i < len(all); i++ {
		if all[i].version == all[i-1].version {
			return fmt.Errorf("migrations %s and %s share a number: give the newer the next one", all[i-1].name, all[i].name)
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var current int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("migrate: read schema version: %w", err)
	}
	latest := 0
	if len(all) > 0 {
		latest = all[len(all)-1].version
	}
	if current > latest {
		return fmt.Errorf("schema version %d is newer than this program's %d: run a newer azchina", current, latest)
	}
	for _, m := range all {
		if m.version <= current {
			continue
		}
		body, err := migrations.ReadFile(m.name)
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		// PRAGMA takes no parameters; the version is a number we parsed.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// SaveSchedule creates or replaces the channel's schedule.
func (s *DB) SaveSchedule(ctx context.Context, sc digest.Schedule) error {
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO schedules (platform, chat, at, zone, count, enabled, since, set_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (platform, chat) DO UPDATE SET at = excluded.at, zone = excluded.zone,
			count = excluded.count, enabled = excluded.enabled, since = excluded.since,
			set_by = excluded.set_by`,
		string(sc.Channel.Platform), sc.Channel.ChatID, sc.At.String(), sc.Zone, sc.Count, sc.Enabled, ms(sc.Since), sc.SetBy)
	if err != nil {
		return fmt.Errorf("save schedule for %s: %w", sc.Channel, err)
	}
	return nil
}

const scheduleColumns = `platform, chat, at, zone, count, enabled, since, set_by`

// Schedule returns the channel's schedule, or digest.ErrNotFound.
func (s *DB) Schedule(ctx context.Context, ch digest.Channel) (digest.Schedule, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedules WHERE platform = ? AND chat = ?`,
		string(ch.Platform), ch.ChatID)
	sc, err := scanSchedule(row)
	if errors.Is(err, sql.ErrNoRows) {
		return digest.Schedule{}, digest.ErrNotFound
	}
	if err != nil {
		return digest.Schedule{}, fmt.Errorf("read schedule for %s: %w", ch, err)
	}
	return sc, nil
}

// Schedules returns the enabled schedules.
func (s *DB) Schedules(ctx context.Context) ([]digest.Schedule, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+scheduleColumns+` FROM schedules WHERE enabled = 1 ORDER BY platform, chat`)
	if err != nil {
		return nil, fmt.Errorf("read schedules: %w", err)
	}
	defer rows.Close()
	var out []digest.Schedule
	for rows.Next() {
		sc, err := scanSchedule(rows)
		if err != nil {
			return nil, fmt.Errorf("read schedules: %w", err)
		}
		out = append(out, sc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read schedules: %w", err)
	}
	return out, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanSchedule(r scanner) (digest.Schedule, error) {
	var (
		sc       digest.Schedule
		platform string
		at       string
		since    int64
	)
	if err := r.Scan(&platform, &sc.Channel.ChatID, &at, &sc.Zone, &sc.Count, &sc.Enabled, &since, &sc.SetBy); err != nil {
		return sc, err
	}
	sc.Channel.Platform = bot.Platform(platform)
	var err error
	if sc.At, err = digest.ParseTimeOfDay(at); err != nil {
		return sc, err
	}
	sc.Since = fromMS(since)
	return sc, nil
}

// Claim records p unless its channel's day has a post already, and reports whether it
// did. Of racing claims exactly one inserts the row: the primary key decides.
func (s *DB) Claim(ctx context.Context, p digest.Post) (bool, error) {
	res, err := s.db.ExecContext(ctx, `
		INSERT INTO posts (platform, chat, day, count, due, state, owner, attempts, last_error,
			lease_until, next_attempt, sent_at, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (platform, chat, day) DO NOTHING`,
		string(p.Channel.Platform), p.Channel.ChatID, p.Day.String(), p.Count, ms(p.Due), string(p.State), p.Owner,
		p.Attempts, p.LastError, ms(p.LeaseUntil), ms(p.NextAttempt), ms(p.SentAt), ms(p.Updated))
	return changed(res, err, "claim", p.PostKey)
}

// Reclaim makes owner the claimant of a post that may be tried again at now (forced: due
// now), and reports whether it did. The conditional update is atomic: of racing schedulers, one
// gets the claim.
func (s *DB) Reclaim(ctx context.Context, k digest.PostKey, owner string, now, leaseUntil time.Time, force bool) (bool, error) {
	res, err := s.db.ExecContext(ctx, `
		UPDATE posts SET state = 'claimed', owner = ?, lease_until = ?, attempts = attempts + 1,
			next_attempt = 0, updated = ?, due = CASE WHEN ? THEN ? ELSE due END
		WHERE platform = ? AND chat = ? AND day = ? AND (
			(state = 'retrying' AND next_attempt <= ?)
			OR (state = 'claimed' AND lease_until <= ?)
			OR (? AND state IN ('retrying', 'failed', 'skipped')))`,
		owner, ms(leaseUntil), ms(now), force, ms(now), string(k.Channel.Platform), k.Channel.ChatID, k.Day.String(), ms(now), ms(now), force)
	return changed(res, err, "reclaim", k)
}

// MarkSent records that owner's claim was sent, and adds facts to the channel's rotation,
// in one transaction. It reports false when owner no longer holds the claim.
func (s *DB) MarkSent(ctx context.Context, k digest.PostKey, owner string, at time.Time, facts []digest.Rotated) (bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("mark %s %s sent: %w", k.Channel, k.Day, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `
		UPDATE posts SET state = 'sent', sent_at = ?, updated = ?, last_error = '', lease_until = 0
		WHERE platform = ? AND chat = ? AND day = ? AND state = 'claimed' AND owner = ?`,
		ms(at), ms(at), string(k.Channel.Platform), k.Channel.ChatID, k.Day.String(), owner)
	if ok, err := changed(res, err, "mark sent", k); !ok || err != nil {
		return false, err
	}
	for _, f := range facts {
		// A fact already in this cycle stays where it was first posted.
		_, err := tx.ExecContext(ctx, `
			INSERT INTO rotation (platform, chat, cycle, fact, day) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING`,
			string(k.Channel.Platform), k.Channel.ChatID, f.Cycle, f.Fact, k.Day.String())
		if err != nil {
			return false, fmt.Errorf("mark %s %s sent: record fact: %w", k.Channel, k.Day, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("mark %s %s sent: %w", k.Channel, k.Day, err)
	}
	return true, nil
}

// MarkFailed records owner's failed send: Retrying at retryAt, or Failed when retryAt is
// zero. It reports false when owner no longer holds the claim.
func (s *DB) MarkFailed(ctx context.Context, k digest.PostKey, owner string, at time.Time, msg string, retryAt time.Time) (bool, error) {
	state := digest.Retrying
	if retryAt.IsZero() {
		state = digest.Failed
	}
	res, err := s.db.ExecContext(ctx, `
		UPDATE posts SET state = ?, last_error = ?, next_attempt = ?, lease_until = 0, updated = ?
		WHERE platform = ? AND chat = ? AND day = ? AND state = 'claimed' AND owner = ?`,
		string(state), msg, ms(retryAt), ms(at), string(k.Channel.Platform), k.Channel.ChatID, k.Day.String(), owner)
	return changed(res, err, "mark failed", k)
}

// Expire marks Failed a post nobody is sending any more, and reports whether it did.
func (s *DB) Expire(ctx context.Context, k digest.PostKey, now time.Time, msg string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `
		UPDATE posts SET state = 'failed', lease_until = 0, next_attempt = 0, updated = ?,
			last_error = CASE WHEN last_error = '' THEN ? ELSE ? || ' (last error: ' || last_error || ')' END
		WHERE platform = ? AND chat = ? AND day = ? AND (
			state = 'retrying' OR (state = 'claimed' AND lease_until <= ?))`,
		ms(now), msg, msg, string(k.Channel.Platform), k.Channel.ChatID, k.Day.String(), ms(now))
	return changed(res, err, "expire", k)
}

const postColumns = `platform, chat, day, count, due, state, owner, attempts, last_error,
	lease_until, next_attempt, sent_at, updated`

// Post returns the post of a channel's day, or digest.ErrNotFound.
func (s *DB) Post(ctx context.Context, k digest.PostKey) (digest.Post, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+postColumns+` FROM posts WHERE platform = ? AND chat = ? AND day = ?`,
		string(k.Channel.Platform), k.Channel.ChatID, k.Day.String())
	p, err := scanPost(row)
	if errors.Is(err, sql.ErrNoRows) {
		return digest.Post{}, digest.ErrNotFound
	}
	if err != nil {
		return digest.Post{}, fmt.Errorf("read post %s %s: %w", k.Channel, k.Day, err)
	}
	return p, nil
}

// Posts returns the channel's latest posts, newest day first, at most limit.
func (s *DB) Posts(ctx context.Context, ch digest.Channel, limit int) ([]digest.Post, error) {
	return s.posts(ctx, "posts of "+ch.String(), `SELECT `+postColumns+` FROM posts
		WHERE platform = ? AND chat = ? ORDER BY day DESC LIMIT ?`, string(ch.Platform), ch.ChatID, limit)
}

// Unfinished returns the Claimed and Retrying posts of every channel.
func (s *DB) Unfinished(ctx context.Context) ([]digest.Post, error) {
	return s.posts(ctx, "unfinished posts", `SELECT `+postColumns+` FROM posts
		WHERE state IN ('claimed', 'retrying') ORDER BY platform, chat, day`)
}

func (s *DB) posts(ctx context.Context, what, query string, args ...any) ([]digest.Post, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	defer rows.Close()
	var out []digest.Post
	for rows.Next() {
		p, err := scanPost(rows)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", what, err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	return out, nil
}

func scanPost(r scanner) (digest.Post, error) {
	var (
		p                                        digest.Post
		platform, day, state                     string
		due, leaseUntil, next, sentAt, updatedMS int64
	)
	err := r.Scan(&platform, &p.Channel.ChatID, &day, &p.Count, &due, &state, &p.Owner, &p.Attempts, &p.LastError,
		&leaseUntil, &next, &sentAt, &updatedMS)
	if err != nil {
		return p, err
	}
	p.Channel.Platform = bot.Platform(platform)
	if p.Day, err = digest.ParseDay(day); err != nil {
		return p, err
	}
	p.State = digest.PostState(state)
	p.Due, p.LeaseUntil, p.NextAttempt, p.SentAt, p.Updated = fromMS(due), fromMS(leaseUntil), fromMS(next), fromMS(sentAt), fromMS(updatedMS)
	return p, nil
}

// Rotation returns the channel's rotation as it stood before day.
func (s *DB) Rotation(ctx context.Context, ch digest.Channel, before digest.Day) (digest.Rotation, error) {
	rot := digest.Rotation{Used: map[string]bool{}}
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(cycle), 0) FROM rotation WHERE platform = ? AND chat = ? AND day < ?`,
		string(ch.Platform), ch.ChatID, before.String()).Scan(&rot.Cycle)
	if err != nil {
		return rot, fmt.Errorf("read rotation of %s: %w", ch, err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT fact FROM rotation WHERE platform = ? AND chat = ? AND cycle = ? AND day < ?`,
		string(ch.Platform), ch.ChatID, rot.Cycle, before.String())
	if err != nil {
		return rot, fmt.Errorf("read rotation of %s: %w", ch, err)
	}
	defer rows.Close()
	for rows.Next() {
		var f string
		if err := rows.Scan(&f); err != nil {
			return rot, fmt.Errorf("read rotation of %s: %w", ch, err)
		}
		rot.Used[f] = true
	}
	if err := rows.Err(); err != nil {
		return rot, fmt.Errorf("read rotation of %s: %w", ch, err)
	}
	return rot, nil
}

// changed turns the result of a statement that changes at most one post into whether it
// did.
func changed(res sql.Result, err error, what string, k digest.PostKey) (bool, error) {
	if err != nil {
		return false, fmt.Errorf("%s %s %s: %w", what, k.Channel, k.Day, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("%s %s %s: %w", what, k.Channel, k.Day, err)
	}
	return n == 1, nil
}

// ms stores a time as Unix milliseconds, the zero time as 0.
func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}
