package discord

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/bot/i18n"
)

// Moderator commands: only moderators may use them, so Discord does not offer them in
// direct messages, and their answers are shown to the moderator only.
const (
	cmdDigest = "digest"
	cmdGaps   = "gaps"
)

func moderatorCommand(name string) bool { return name == cmdDigest || name == cmdGaps }

// menuLocales are the Discord locales the router's commands are described in beside
// English, with the bot's language for each. Discord has no Azerbaijani locale.
var menuLocales = map[discordgo.Locale]i18n.Lang{discordgo.Russian: i18n.Russian, discordgo.ChineseCN: i18n.Chinese}

// commands are the slash commands: the router's (described in each of menuLocales too),
// /digest with its subcommands and /gaps.
func commands() []*discordgo.ApplicationCommand {
	menus := map[discordgo.Locale][]bot.CommandInfo{}
	for locale, lang := range menuLocales {
		menus[locale] = bot.CommandsIn(lang) // in the order of bot.Commands
	}
	var out []*discordgo.ApplicationCommand
	for i, c := range bot.Commands {
		described := map[discordgo.Locale]string{}
		for locale, menu := range menus {
			described[locale] = truncate(menu[i].Description, 100)
		}
		cmd := &discordgo.ApplicationCommand{
			Type:                     discordgo.ChatApplicationCommand,
			Name:                     c.Name,
			Description:              truncate(c.Description, 100),
			DescriptionLocalizations: &described,
		}
		if c.Args != "" {
			cmd.Options = []*discordgo.ApplicationCommandOption{{
				Type:        discordgo.ApplicationCommandOptionString,
				Name:        c.Args,
				Description: "Your " + c.Args,
				Required:    true,
			}}
		}
		out = append(out, cmd)
	}
	inServers := false
	var subs []*discordgo.ApplicationCommandOption
	for _, sc := range digest.Subcommands {
		sub := &discordgo.ApplicationCommandOption{
			Type:        discordgo.ApplicationCommandOptionSubCommand,
			Name:        sc.Name,
			Description: truncate(sc.Description, 100),
		}
		if sc.Name == digest.ActionSchedule {
			one := 1.0
			sub.Options = []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "time", Description: "Local time of day, HH:MM, e.g. 09:00", Required: true},
				{Type: discordgo.ApplicationCommandOptionString, Name: "zone", Description: "IANA time zone, e.g. Asia/Baku or Europe/Berlin", Required: true},
				{Type: discordgo.ApplicationCommandOptionInteger, Name: "count", Description: "Facts in each digest (default " + strconv.Itoa(digest.DefaultCount) + ")",
					MinValue: &one, MaxValue: digest.MaxCount},
			}
		}
		subs = append(subs, sub)
	}
	return append(out,
		&discordgo.ApplicationCommand{Type: discordgo.ChatApplicationCommand, Name: cmdDigest, DMPermission: &inServers,
			Description: "A daily digest of cited facts in this channel (moderators)", Options: subs},
		&discordgo.ApplicationCommand{Type: discordgo.ChatApplicationCommand, Name: cmdGaps, DMPermission: &inServers,
			Description: "Questions I could not answer and answers voted down (moderators)"},
	)
}

// commandText writes a slash command as the router reads it: "/digest schedule 09:00
// Asia/Baku 3". Options are written in the order the command defines them, whatever order
// they arrive in.
func commandText(data discordgo.ApplicationCommandInteractionData) string {
	parts := []string{"/" + data.Name}
	var defs []*discordgo.ApplicationCommandOption
	for _, c := range commands() {
		if c.Name == data.Name {
			defs = c.Options
		}
	}
	var walk func(opts []*discordgo.ApplicationCommandInteractionDataOption, defs []*discordgo.ApplicationCommandOption)
	walk = func(opts []*discordgo.ApplicationCommandInteractionDataOption, defs []*discordgo.ApplicationCommandOption) {
		index := func(name string) int {
			return slices.IndexFunc(defs, func(d *discordgo.ApplicationCommandOption) bool { return d.Name == name })
		}
		opts = slices.Clone(opts)
		slices.SortStableFunc(opts, func(x, y *discordgo.ApplicationCommandInteractionDataOption) int {
			return index(x.Name) - index(y.Name)
		})
		for _, o := range opts {
			if o == nil {
				continue
			}
			switch o.Type {
			case discordgo.ApplicationCommandOptionSubCommand, discordgo.ApplicationCommandOptionSubCommandGroup:
				parts = append(parts, o.Name)
				var sub []*discordgo.ApplicationCommandOption
				if i := index(o.Name); i >= 0 {
					sub = defs[i].Options
				}
				walk(o.Options, sub)
			case discordgo.ApplicationCommandOptionString:
				parts = append(parts, o.StringValue())
			case discordgo.ApplicationCommandOptionInteger:
				parts = append(parts, strconv.FormatInt(o.IntValue(), 10))
			}
		}
	}
	walk(data.Options, defs)
	return strings.Join(parts, " ")
}

// register puts the slash commands in place, globally or in the configured server, and
// retries with a growing wait until Discord takes them or ctx ends. A refusal that no retry
// can cure (a bad request, missing access) is logged once with what to do.
func (a *Adapter) register(ctx context.Context, appID string) {
	path := "/applications/" + url.PathEscape(appID) + "/commands"
	where := "globally (they may take up to an hour to appear)"
	if a.cfg.Guild != "" {
		path = "/applications/" + url.PathEscape(appID) + "/guilds/" + url.PathEscape(a.cfg.Guild) + "/commands"
		where = "in server " + a.cfg.Guild
	}
	cmds := commands()
	for attempt := 1; ; attempt++ {
		callCtx, cancel := context.WithTimeout(ctx, sendTimeout)
		err := a.rest.do(callCtx, "PUT", path, cmds, nil)
		cancel()
		if err == nil {
			a.log.Info("registered the slash commands " + where)
			return
		}
		if ctx.Err() != nil {
			return
		}
		var ae *apiError
		if errors.As(err, &ae) && !ae.temporary() {
			hint := "fix the cause and restart"
			if ae.Code == 50001 {
				hint = "invite the bot to the server with the applications.commands scope (see README), then restart"
			}
			a.log.Error("Discord refused the slash commands: "+hint, "err", err)
			return
		}
		wait := min(time.Second<<min(attempt-1, 8), maxBackoff)
		a.log.Warn("registering the slash commands failed: retrying", "err", err, "in", wait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}
