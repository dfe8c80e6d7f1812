package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/console"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/bot/ops"
	"github.com/azchina/azchina/bot/store"
	"github.com/azchina/azchina/config"
	"github.com/azchina/azchina/knowledge"
)

// runtime is what every chat command shares: settings, logger, the engine (replaceable
// while it answers), the router and the operator's instruments; for serve also the
// database, the digest scheduler and the posters it sends digests with.
type runtime struct {
	cfg     config.Config
	log     *slog.Logger
	live    *knowledge.Live
	router  *bot.Router
	metrics *ops.Metrics
	health  *ops.Health
	db      *store.DB
	digests *digest.Scheduler
	posters digest.Posters
}

// setup reads the settings and builds the runtime. With persist it opens the database
// (AZCHINA_DB) for the question journal and the digest scheduler.
func (m *Main) setup(ctx context.Context, configPath, seedsDir string, persist bool) (*runtime, error) {
	cfg, err := config.Load(configPath, m.Getenv)
	if err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	if seedsDir != "" {
		cfg.Seeds = seedsDir
	}
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	rt := &runtime{cfg: cfg, metrics: ops.NewMetrics(), health: ops.NewHealth(), posters: digest.Posters{},
		log: slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: level}))}
	e, err := m.loadEngine(cfg.Seeds)
	if err != nil {
		return nil, err
	}
	rt.live = knowledge.NewLive(e)
	opts := []bot.Option{
		bot.WithLimit(cfg.Limits.Questions, time.Duration(cfg.Limits.Per)),
		bot.WithMaxQuestion(cfg.Limits.MaxQuestion),
		bot.WithObserver(rt.metrics),
		bot.WithLogger(rt.log),
	}
	if persist {
		rt.db, err = store.Open(ctx, cfg.DB)
		if err != nil {
			return nil, fmt.Errorf("%w (set %s to a writable file)", err, config.EnvDB)
		}
		// The scheduler composes from one engine at a time, not a Live that may change
		// between two calls; serve hands it each reloaded engine.
		rt.digests = digest.New(rt.db, rt.live.Engine(), rt.posters, digest.WithLogger(rt.log), digest.WithObserver(rt.metrics))
		opts = append(opts, bot.WithJournal(rt.db), bot.WithCommand("digest", rt.digests))
	}
	rt.router = bot.NewRouter(rt.live, opts...)
	return rt, nil
}

// close releases what setup opened.
func (rt *runtime) close() {
	if rt.db == nil {
		return
	}
	if err := rt.db.Close(); err != nil {
		rt.log.Error("closing the database", "err", err)
		return
	}
	rt.log.Debug("database closed")
}

func (m *Main) chat(ctx context.Context, args []string) error {
	fs := m.flags("chat", "chat [--config FILE] [--seeds DIR]")
	configPath := fs.String("config", "", "settings file (default: $AZCHINA_CONFIG)")
	dir := fs.String("seeds", "", "read articles from this folder instead of the embedded seeds")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	rt, err := m.setup(ctx, *configPath, *dir, false)
	if err != nil {
		return err
	}
	return console.New(m.Stdin, m.Stdout, rt.router).Run(ctx)
}

// adapter is a chat platform connection that runs until its context ends.
type adapter interface {
	Name() string
	Run(ctx context.Context) error
}

// platformPoster is an adapter that can post a daily digest to its platform's chats.
type platformPoster interface {
	digest.Poster
	Platform() bot.Platform
}

// adapterMakers build the adapters the settings ask for; each platform adds its own (see
// discord.go). A maker returns nil when its platform is not configured. It gets the
// runtime: settings, router, logger, metrics and health.
var adapterMakers []func(rt *runtime) (adapter, error)

func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.flags("serve", "serve [--config FILE] [--seeds DIR]")
	configPath := fs.String("config", "", "settings file (default: $AZCHINA_CONFIG)")
	dir := fs.String("seeds", "", "read articles from this folder instead of the embedded seeds")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	rt, err := m.setup(ctx, *configPath, *dir, true)
	if err != nil {
		return err
	}
	defer rt.close()
	// What serve starts in the background (the folder watcher) ends with it.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cfg, logger := rt.cfg, rt.log
	if cfg.HTTPAddr != "" {
		stop, err := serveOps(ctx, cfg.HTTPAddr, rt, logger)
		if err != nil {
			return err
		}
		defer stop()
	}
	if cfg.Seeds != "" {
		go rt.live.Watch(cfg.Seeds).Run(ctx, reloadEvery, func(err error) {
			if err != nil {
				logger.Error("articles changed but could not be read; still answering from the previous ones", "err", err)
				return
			}
			if rt.digests != nil {
				rt.digests.Refresh(rt.live.Engine())
			}
			logger.Info("articles reloaded", "articles", len(rt.live.Articles()))
		})
	}
	var adapters []adapter
	for _, newAdapter := range adapterMakers {
		a, err := newAdapter(rt)
		if err != nil {
			return err
		}
		if a != nil {
			adapters = append(adapters, a)
		}
	}
	if len(adapters) == 0 {
		logger.Info("no chat token set: starting the console chat", "hint", "set "+config.EnvTelegramToken+" or "+config.EnvDiscordToken+" to serve a chat platform")
		return console.New(m.Stdin, m.Stdout, rt.router).Run(ctx)
	}
	for _, a := range adapters {
		if p, ok := a.(platformPoster); ok {
			rt.posters[p.Platform()] = p
		}
	}
	return runAll(ctx, logger, rt.health, adapters, rt.digests)
}

// reloadEvery is how often serve looks for changed articles in the --seeds folder.
var reloadEvery = 2 * time.Second

// serveOps starts the ops endpoint (/healthz, /metrics) and returns the function that
// stops it.
func serveOps(ctx context.Context, addr string, rt *runtime, logger *slog.Logger) (func(), error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("ops endpoint (%s): %w", config.EnvHTTPAddr, err)
	}
	srv := &http.Server{Handler: ops.Handler(rt.metrics, rt.health), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("ops endpoint stopped", "err", err)
		}
	}()
	logger.Info("ops endpoint listening", "addr", ln.Addr().String(), "paths", "/healthz /metrics")
	return func() {
		// Its answers are quick: half a second keeps serve within its 5 s to exit.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 500*time.Millisecond)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}

// shutdownGrace is how long serve waits, once told to stop, for the adapters to finish
// the replies in flight and return; the adapters' own grace is shorter. Past it serve
// gives up on them and fails, so that a stuck adapter cannot keep the process alive.
const shutdownGrace = 4500 * time.Millisecond

// runAll runs the adapters side by side, and the services (the digest scheduler) beside
// them, until ctx ends; then it waits for them to finish, for shutdownGrace at most. One
// adapter failing is logged and does not stop the others; when every adapter has failed
// the services are stopped too and runAll returns the errors.
//
// Health holds each adapter, under its Name, as down until the adapter reports itself
// connected, and as down again once its Run has returned.
func runAll(ctx context.Context, logger *slog.Logger, health *ops.Health, adapters []adapter, services ...adapter) error {
	svcCtx, stopServices := context.WithCancel(ctx)
	defer stopServices()
	var svcs sync.WaitGroup
	for _, s := range services {
		svcs.Add(1)
		go func() {
			defer svcs.Done()
			if err := s.Run(svcCtx); err != nil && !errors.Is(err, context.Canceled) {
				logger.Error("service stopped", "service", s.Name(), "err", err)
			}
		}()
	}
	var wg sync.WaitGroup
	errs := make([]error, len(adapters))
	for i, a := range adapters {
		health.Set(a.Name(), false, "connecting")
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := a.Run(ctx)
			if err != nil && !errors.Is(err, context.Canceled) {
				logger.Error("adapter stopped", "adapter", a.Name(), "err", err)
				errs[i] = fmt.Errorf("%s: %w", a.Name(), err)
				health.Set(a.Name(), false, "stopped: "+err.Error())
				return
			}
			health.Set(a.Name(), false, "stopped")
		}()
	}
	all := make(chan struct{})
	go func() {
		wg.Wait()
		stopServices()
		svcs.Wait()
		close(all)
	}()
	select {
	case <-all:
	case <-ctx.Done():
		logger.Info("stopping: finishing the replies in flight (a second signal ends at once)")
		select {
		case <-all:
		case <-time.After(shutdownGrace):
			return fmt.Errorf("still running %s after the signal: gave up waiting", shutdownGrace)
		}
	}
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
