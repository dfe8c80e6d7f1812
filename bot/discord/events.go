package discord

import (
	"context"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/azchina/azchina/bot"
)

// onMessage answers a message in a DM, or in a server channel when it mentions the bot or
// replies to it. It runs on the gateway's reading goroutine (SyncEvents), so it only decides;
// the answer is found and sent in a goroutine of its own.
func (a *Adapter) onMessage(s *discordgo.Session, e *discordgo.MessageCreate) {
	defer a.recover("message")
	if a.cur.Load() != s || e.Message == nil {
		return
	}
	m := e.Message
	msg, ok := a.message(s, m)
	if !ok {
		return
	}
	a.spawn(func(ctx context.Context) {
		reply, ok := a.h.Handle(ctx, msg)
		if !ok {
			return
		}
		p := render(reply)
		send := &discordgo.MessageSend{
			Content:         p.Content,
			Embeds:          p.Embeds,
			AllowedMentions: noMentions(),
			Reference:       &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: new(false)},
		}
		ctx, cancel := context.WithTimeout(ctx, sendTimeout)
		defer cancel()
		err := call(ctx, func(opts ...discordgo.RequestOption) error {
			_, err := s.ChannelMessageSendComplex(m.ChannelID, send, opts...)
			return err
		})
		if err != nil {
			a.log.Warn("sending a reply failed", "channel", m.ChannelID, "err", err)
		}
	})
}

// message turns a Discord message into the router's, or reports false for a message the bot
// must not answer: its own, another bot's or a webhook's, a system message, or chatter in a
// server channel.
func (a *Adapter) message(s *discordgo.Session, m *discordgo.Message) (bot.Message, bool) {
	me, _ := self(s)
	if me == nil || m.Author == nil || m.Author.ID == me.ID || m.Author.Bot || m.WebhookID != "" {
		return bot.Message{}, false
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return bot.Message{}, false
	}
	text, mentioned := stripMention(m.Content, me.ID)
	replyToBot := m.ReferencedMessage != nil && m.ReferencedMessage.Author != nil && m.ReferencedMessage.Author.ID == me.ID
	kind := bot.Private
	if m.GuildID != "" {
		kind = bot.Group
		if m.Content == "" && len(m.Attachments) == 0 && len(m.Embeds) == 0 && len(m.StickerItems) == 0 && len(m.Components) == 0 && m.Poll == nil {
			a.emptyWarn.Do(func() {
				a.log.Warn("server messages arrive with empty content: the Message Content intent is off. Turn on Bot → Privileged Gateway Intents → Message Content Intent in the developer portal; until then the bot answers only mentions, direct messages and slash commands")
			})
		}
		// In a server the bot speaks only when spoken to: "/help" typed as text is more
		// likely meant for another bot.
		if !mentioned && !replyToBot {
			return bot.Message{}, false
		}
	}
	return bot.Message{
		Platform:   bot.Discord,
		ChatID:     m.ChannelID,
		ChatKind:   kind,
		MessageID:  m.ID,
		UserID:     m.Author.ID,
		UserName:   m.Author.Username,
		Text:       text,
		BotName:    me.Username,
		Mentioned:  mentioned,
		ReplyToBot: replyToBot,
		Locale:     m.Author.Locale,
	}, true
}

// stripMention removes the mentions of the bot ("<@id>", and "<@!id>" as older clients write
// it) from text and reports whether there were any.
func stripMention(text, botID string) (string, bool) {
	out := text
	for _, tag := range []string{"<@" + botID + ">", "<@!" + botID + ">"} {
		out = strings.ReplaceAll(out, tag, " ")
	}
	return strings.TrimSpace(out), out != text
}

// quietReply answers an interaction the router chose not to answer (a user over the rate
// limit who was already told): Discord shows an error unless every interaction gets a reply.
var quietReply = bot.Reply{Kind: bot.NoticeReply, Text: "Please wait a moment before asking again.", Private: true}

// failedReply answers an interaction whose handling failed.
var failedReply = bot.Reply{Kind: bot.NoticeReply, Text: "Something went wrong while I looked that up. Please try again in a moment.", Private: true}

// onInteraction answers a slash command within Discord's 3 seconds: directly when the answer
// is ready in time, else by deferring ("thinking…") and editing the answer in.
func (a *Adapter) onInteraction(s *discordgo.Session, e *discordgo.InteractionCreate) {
	defer a.recover("interaction")
	received := time.Now()
	if a.cur.Load() != s || e.Interaction == nil || e.Type != discordgo.InteractionApplicationCommand {
		return
	}
	in := e.Interaction
	msg := a.interactionMessage(s, in)
	a.spawn(func(ctx context.Context) { a.answerInteraction(ctx, s, in, msg, received) })
}

func (a *Adapter) interactionMessage(s *discordgo.Session, in *discordgo.Interaction) bot.Message {
	data := in.ApplicationCommandData()
	text := "/" + data.Name
	for _, o := range data.Options {
		if o.Type == discordgo.ApplicationCommandOptionString {
			text += " " + o.StringValue()
		}
	}
	user := in.User
	if in.Member != nil && in.Member.User != nil {
		user = in.Member.User
	}
	if user == nil {
		user = &discordgo.User{}
	}
	kind := bot.Private
	if in.GuildID != "" {
		kind = bot.Group
	}
	locale := string(in.Locale)
	if locale == "" && in.GuildLocale != nil {
		locale = string(*in.GuildLocale)
	}
	me, _ := self(s)
	var botName string
	if me != nil {
		botName = me.Username
	}
	return bot.Message{
		Platform:  bot.Discord,
		ChatID:    in.ChannelID,
		ChatKind:  kind,
		MessageID: in.ID,
		UserID:    user.ID,
		UserName:  user.Username,
		Text:      text,
		BotName:   botName,
		Locale:    locale,
	}
}

func (a *Adapter) answerInteraction(ctx context.Context, s *discordgo.Session, in *discordgo.Interaction, msg bot.Message, received time.Time) {
	answered := make(chan bot.Reply, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				a.log.Error("answering a slash command panicked", "panic", p)
				answered <- failedReply
			}
		}()
		r, ok := a.h.Handle(ctx, msg)
		if !ok {
			r = quietReply
		}
		answered <- r
	}()
	ackCtx, cancel := context.WithDeadline(ctx, received.Add(ackWindow))
	defer cancel()
	if reply, ok := a.answerInTime(ctx, answered, received); ok {
		p := render(reply)
		err := call(ackCtx, func(opts ...discordgo.RequestOption) error {
			return s.InteractionRespond(in, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: p.Content, Embeds: p.Embeds, AllowedMentions: noMentions(), Flags: flags(p)},
			}, opts...)
		})
		if err != nil {
			a.log.Warn("answering a slash command failed", "command", msg.Text, "err", err)
		}
		return
	}
	err := call(ackCtx, func(opts ...discordgo.RequestOption) error {
		return s.InteractionRespond(in, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}, opts...)
	})
	if err != nil {
		a.log.Warn("deferring a slash command failed", "err", err)
		return
	}
	var reply bot.Reply
	select {
	case reply = <-answered:
	case <-ctx.Done():
		return
	}
	p := render(reply)
	embeds := p.Embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	editCtx, cancelEdit := context.WithTimeout(ctx, sendTimeout)
	defer cancelEdit()
	err = call(editCtx, func(opts ...discordgo.RequestOption) error {
		_, err := s.InteractionResponseEdit(in, &discordgo.WebhookEdit{Content: &p.Content, Embeds: &embeds, AllowedMentions: noMentions()}, opts...)
		return err
	})
	if err != nil {
		a.log.Warn("sending a deferred slash command's answer failed", "err", err)
	}
}

// answerInTime returns the answer when it is ready within answerWithin of received, or
// false when the interaction must be deferred. A zero answerWithin always defers.
func (a *Adapter) answerInTime(ctx context.Context, answered <-chan bot.Reply, received time.Time) (bot.Reply, bool) {
	if a.answerWithin <= 0 {
		return bot.Reply{}, false
	}
	wait := time.NewTimer(a.answerWithin - time.Since(received))
	defer wait.Stop()
	select {
	case r := <-answered:
		return r, true
	case <-wait.C:
	case <-ctx.Done():
	}
	return bot.Reply{}, false
}

func flags(p payload) discordgo.MessageFlags {
	if p.Ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// commands are the slash commands, from the router's command list.
func commands() []*discordgo.ApplicationCommand {
	var out []*discordgo.ApplicationCommand
	for _, c := range bot.Commands {
		cmd := &discordgo.ApplicationCommand{
			Type:        discordgo.ChatApplicationCommand,
			Name:        c.Name,
			Description: truncate(c.Description, 100),
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
	return out
}
