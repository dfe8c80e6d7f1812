package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/console"
	"github.com/azchina/azchina/config"
	"github.com/azchina/azchina/knowledge"
)

// setup reads the settings and builds the logger, the engine and the router every chat
// command shares.
func (m *Main) setup(configPath, seedsDir string) (config.Config, *slog.Logger, *knowledge.Engine, *bot.Router, error) {
	cfg, err := config.Load(configPath, m.Getenv)
	if err != nil {
		return cfg, nil, nil, nil, fmt.Errorf("settings: %w", err)
	}
	if seedsDir != "" {
		cfg.Seeds = seedsDir
	}
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	logger := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: level}))
	e, err := m.loadEngine(cfg.Seeds)
	if err != nil {
		return cfg, nil, nil, nil, err
	}
	router := bot.NewRouter(e,
		bot.WithLimit(cfg.Limits.Questions, time.Duration(cfg.Limits.Per)),
		bot.WithMaxQuestion(cfg.Limits.MaxQuestion),
		bot.WithLogger(logger))
	return cfg, logger, e, router, nil
}

func (m *Main) chat(ctx context.Context, args []string) error {
	fs := m.flags("chat", "chat [--config FILE] [--seeds DIR]")
	configPath := fs.String("config", "", "settings file (default: $AZCHINA_CONFIG)")
	dir := fs.String("seeds", "", "read articles from this folder instead of the embedded seeds")
	if err := parse(fs, args); err != nil {
		return err
	}
	_, _, _, router, err := m.setup(*configPath, *dir)
	if err != nil {
		return err
	}
	return console.New(m.Stdin, m.Stdout, router).Run(ctx)
}

// adapter is a chat platform connection that runs until its context ends.
type adapter interface {
	Name() string
	Run(ctx context.Context) error
}

// adapterMakers build the adapters the settings ask for; each platform package adds its
// own. A maker returns nil when its platform is not configured.
var adapterMakers []func(cfg config.Config, router *bot.Router, e *knowledge.Engine, log *slog.Logger) (adapter, error)

func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.flags("serve", "serve [--config FILE] [--seeds DIR]")
	configPath := fs.String("config", "", "settings file (default: $AZCHINA_CONFIG)")
	dir := fs.String("seeds", "", "read articles from this folder instead of the embedded seeds")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, logger, e, router, err := m.setup(*configPath, *dir)
	if err != nil {
		return err
	}
	var adapters []adapter
	for _, make := range adapterMakers {
		a, err := make(cfg, router, e, logger)
		if err != nil {
			return err
		}
		if a != nil {
			adapters = append(adapters, a)
		}
	}
	if len(adapters) == 0 {
		logger.Info("no chat token set: starting the console chat", "hint", "set "+config.EnvTelegramToken+" or "+config.EnvDiscordToken+" to serve a chat platform")
		return console.New(m.Stdin, m.Stdout, router).Run(ctx)
	}
	return runAll(ctx, logger, adapters)
}

// runAll runs the adapters side by side until ctx ends. One adapter failing is logged and
// does not stop the others; runAll fails only when every adapter has failed.
func runAll(ctx context.Context, logger *slog.Logger, adapters []adapter) error {
	var wg sync.WaitGroup
	errs := make([]error, len(adapters))
	for i, a := range adapters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := a.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
				logger.Error("adapter stopped", "adapter", a.Name(), "err", err)
				errs[i] = fmt.Errorf("%s: %w", a.Name(), err)
			}
		}()
	}
	wg.Wait()
	failed := 0
	for _, err := range errs {
		if err != nil {
			failed++
		}
	}
	if failed == len(adapters) {
		return errors.Join(errs...)
	}
	logger.Info("stopped")
	return nil
}
