package main

import (
	"log/slog"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/discord"
	"github.com/azchina/azchina/config"
	"github.com/azchina/azchina/knowledge"
)

func init() {
	adapterMakers = append(adapterMakers, newDiscord)
}

// newDiscord builds the Discord adapter when a Discord token is set.
func newDiscord(cfg config.Config, router *bot.Router, _ *knowledge.Engine, log *slog.Logger) (adapter, error) {
	if cfg.Discord.Token == "" {
		return nil, nil // an untyped nil: a nil *discord.Adapter would look like an adapter
	}
	return discord.New(discord.Config{
		Token:  cfg.Discord.Token,
		APIURL: cfg.Discord.APIURL,
		Guild:  cfg.Discord.Guild,
	}, router, log.With("adapter", "discord"))
}
