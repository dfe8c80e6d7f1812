package main

import "github.com/azchina/azchina/bot/discord"

func init() {
	adapterMakers = append(adapterMakers, newDiscord)
}

// newDiscord builds the Discord adapter when a Discord token is set, reporting its
// connection to the runtime's health and its sends to its metrics.
func newDiscord(rt *runtime) (adapter, error) {
	cfg := rt.cfg.Discord
	if cfg.Token == "" {
		return nil, nil // an untyped nil: a nil *discord.Adapter would look like an adapter
	}
	return discord.New(discord.Config{
		Token:          cfg.Token,
		APIURL:         cfg.APIURL,
		Guild:          cfg.Guild,
		ModeratorRoles: cfg.ModeratorRoles,
	}, rt.router, rt.log.With("adapter", "discord"),
		discord.WithMetrics(rt.metrics), discord.WithHealth(rt.health))
}
