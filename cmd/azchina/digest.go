package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"time"
	_ "time/tzdata" // schedules name IANA zones: know them where the system has no zone database

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/bot/store"
	"github.com/azchina/azchina/config"
	"github.com/azchina/azchina/knowledge"
)

// openDigest opens the database at cfg.DB and returns the digest scheduler over it,
// posting with poster, and the database to close when done.
func openDigest(ctx context.Context, cfg config.Config, e *knowledge.Engine, poster digest.Poster, log *slog.Logger) (*digest.Scheduler, *store.DB, error) {
	db, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return nil, nil, fmt.Errorf("digest: %w (set %s)", err, config.EnvDB)
	}
	return digest.New(db, e, poster, digest.WithLogger(log)), db, nil
}

// consoleChat is the chat the console adapter talks in.
var consoleChat = digest.Channel{Platform: bot.Console, ChatID: "console"}

func (m *Main) digest(ctx context.Context, args []string) error {
	fs := m.flags("digest", "digest --preview [--date YYYY-MM-DD] [--count N] [--chat platform:id] [--config FILE] [--seeds DIR]")
	preview := fs.Bool("preview", false, "print the digest (the only thing the terminal does: moderators post with /digest in their chat)")
	date := fs.String("date", "", "the day to preview (default: today in the chat's schedule zone, UTC when it has none)")
	count := fs.Int("count", 0, fmt.Sprintf("facts in the digest, 1 to %d (default: the chat's schedule, else %d)", digest.MaxCount, digest.DefaultCount))
	chat := fs.String("chat", consoleChat.String(), "the chat whose rotation to follow, as platform:id (telegram:-1001234, discord:987654321)")
	configPath := fs.String("config", "", "settings file (default: $AZCHINA_CONFIG)")
	dir := fs.String("seeds", "", "read articles from this folder instead of the embedded seeds")
	if err := parse(fs, args); err != nil {
		return err
	}
	if !*preview {
		fs.Usage()
		return usageError{"say --preview: the terminal prints digests, moderators post them with /digest"}
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	ch, err := digest.ParseChannel(*chat)
	if err != nil {
		return usageError{err.Error()}
	}
	var day digest.Day
	if *date != "" {
		if day, err = digest.ParseDay(*date); err != nil {
			return usageError{err.Error()}
		}
	}
	if *count != 0 && (*count < 1 || *count > digest.MaxCount) {
		return usageError{fmt.Sprintf("--count %d: want 1 to %d", *count, digest.MaxCount)}
	}
	cfg, err := config.Load(*configPath, m.Getenv)
	if err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	if *dir != "" {
		cfg.Seeds = *dir
	}
	e, err := m.loadEngine(cfg.Seeds)
	if err != nil {
		return err
	}
	d, err := m.previewDigest(ctx, cfg, e, ch, day, *count)
	if err != nil {
		return err
	}
	fmt.Fprint(m.Stdout, d.Text())
	return nil
}

// previewDigest composes the chat's digest of day (zero: today) from the rotation the
// database holds; with no database file yet, nothing was posted anywhere.
func (m *Main) previewDigest(ctx context.Context, cfg config.Config, e *knowledge.Engine, ch digest.Channel, day digest.Day, count int) (digest.Digest, error) {
	if _, err := os.Stat(cfg.DB); errors.Is(err, fs.ErrNotExist) {
		if day.IsZero() {
			day = digest.DayOf(time.Now().UTC())
		}
		if count == 0 {
			count = digest.DefaultCount
		}
		return digest.NewComposer(e).Compose(ch, day, count, digest.Rotation{}), nil
	}
	quiet := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	sched, db, err := openDigest(ctx, cfg, e, nil, quiet)
	if err != nil {
		return digest.Digest{}, err
	}
	defer db.Close()
	plan, err := sched.Today(ctx, ch)
	if err != nil {
		return digest.Digest{}, err
	}
	if day.IsZero() {
		day = plan.Day
	}
	if count == 0 {
		count = plan.Count
	}
	return sched.Preview(ctx, ch, day, count)
}
