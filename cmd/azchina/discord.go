package main

import "github.com/azchina/azchina/bot/discord"

func init() {
	adapterMakers = append(adapterMakers, newDiscord)
}

// newDiscord builds the Discord adapter when a Discord token is set.
func newDiscord(rt *runtime) (adapter, error) {
	cfg := rt.cfg
	if cfg.Discord.Token == "" {
		return nil, nil // an untyped nil: a nil *discord.Adapter would look like an adapter
	}
	return discord.New(discord.Config{
		Token:  cfg.Discord.Token,
		APIURL: cfg.Discord.APIURL,
		Guild:  cfg.Discord.Guild,
	}, rt.router, rt.log.With("adapter", "discord"))
}
