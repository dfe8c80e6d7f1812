package main

import (
	"fmt"

	"github.com/azchina/azchina/bot/store"
	"github.com/azchina/azchina/bot/telegram"
)

var _ telegram.Inbox = (*store.DB)(nil)

func init() { adapterMakers = append(adapterMakers, newTelegram) }

// newTelegram builds the Telegram adapter when a token is set: long polling, or a webhook
// when telegram.webhook.url is set. It keeps the updates in hand in the database, and
// reports to the runtime's metrics and health; serve registers it to post digests.
func newTelegram(rt *runtime) (adapter, error) {
	tg, router, log := rt.cfg.Telegram, rt.router, rt.log
	if tg.Token == "" {
		return nil, nil
	}
	opts := []telegram.Option{telegram.WithAPIURL(tg.APIURL), telegram.WithLogger(log.With("adapter", "telegram")),
		telegram.WithMetrics(rt.metrics), telegram.WithHealth(rt.health)}
	if rt.db != nil {
		opts = append(opts, telegram.WithInbox(rt.db))
	}
	if tg.Webhook.URL != "" {
		opts = append(opts, telegram.WithWebhook(telegram.Webhook{Listen: tg.Webhook.Listen, URL: tg.Webhook.URL, Secret: tg.Webhook.Secret}))
	}
	a, err := telegram.New(tg.Token, router, opts...)
	if err != nil {
		return nil, fmt.Errorf("telegram: %w", err)
	}
	return a, nil
}
