package discord

import (
	"context"
	"errors"
	"net/url"
	"strconv"
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
	a.spawn("reply", func(ctx context.Context) {
		reply, ok := a.h.Handle(ctx, msg)
		if !ok {
			return
		}
		ctx, cancel := context.WithTimeout(ctx, sendTimeout)
		defer cancel()
		a.reply(ctx, m, reply)
	})
}

// reply sends the answer to message m: in its channel, as a reply to it, or, when the
// reply is for the sender only, in a direct message (a channel message cannot be hidden
// from the others).
func (a *Adapter) reply(ctx context.Context, m *discordgo.Message, r bot.Reply) {
	p := render(r)
	p.Ephemeral = false // only interaction responses can be
	channel := m.ChannelID
	body := p.body(nonce("reply:" + m.ID))
	body.Reference = &reference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID}
	if r.Private && m.GuildID != "" {
		dm, err := a.directChannel(ctx, m.Author.ID)
		if err == nil {
			channel, body.Reference = dm, nil
		} else {
			a.log.Warn("opening a direct message failed: telling the channel instead", "user", m.Author.ID, "err", err)
			body = render(bot.Reply{Kind: bot.NoticeReply, Text: "I could not send you a direct message. Allow direct messages from server members, or use the slash command, whose answer only you see."}).body(nonce("reply:" + m.ID))
			body.Reference = &reference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID}
		}
	}
	if err := a.rest.do(ctx, "POST", "/channels/"+url.PathEscape(channel)+"/messages", body, nil); err != nil {
		a.metrics.SendError(platform)
		a.log.Warn("sending a reply failed", "channel", channel, "err", err)
	}
}

// directChannel returns the ID of the bot's direct message channel with a user.
func (a *Adapter) directChannel(ctx context.Context, userID string) (string, error) {
	var ch struct {
		ID string `json:"id"`
	}
	if err := a.rest.do(ctx, "POST", "/users/@me/channels", map[string]string{"recipient_id": userID}, &ch); err != nil {
		return "", err
	}
	if ch.ID == "" {
		return "", errors.New("Discord sent no channel ID")
	}
	return ch.ID, nil
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
	var mod func(context.Context) (bool, error)
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
		var roles []string
		if m.Member != nil {
			roles = m.Member.Roles
		}
		mod = a.moderator(member{guildID: m.GuildID, userID: m.Author.ID, roles: roles})
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
		Moderator:  mod,
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

// Replies to an interaction the router had nothing to say to: Discord shows an error unless
// every interaction gets a response.
var (
	// quietReply is for a user over the rate limit who was already told.
	quietReply = bot.Reply{Kind: bot.NoticeReply, Text: "Please wait a moment before asking again.", Private: true}
	// doneReply is for a moderator command that did its work in the channel (/digest now).
	doneReply = bot.Reply{Kind: bot.NoticeReply, Text: "Done.", Private: true}
	// failedReply answers an interaction whose handling failed.
	failedReply = bot.Reply{Kind: bot.NoticeReply, Text: "Something went wrong while I looked that up. Please try again in a moment.", Private: true}
)

// onInteraction answers a slash command or a vote button within Discord's 3 seconds:
// directly when the answer is ready in time, else by deferring ("thinking…") and editing
// the answer in. An interaction replayed long after it was made (after a resume) is
// skipped: it can no longer be answered.
func (a *Adapter) onInteraction(s *discordgo.Session, e *discordgo.InteractionCreate) {
	defer a.recover("interaction")
	received := time.Now()
	if a.cur.Load() != s || e.Interaction == nil {
		return
	}
	in := e.Interaction
	if age := received.Sub(snowflakeTime(in.ID, received)); age > staleInteraction {
		a.log.Info("skipped an interaction too old to answer", "age", age.Round(time.Second))
		return
	}
	switch in.Type {
	case discordgo.InteractionApplicationCommand:
		data := in.ApplicationCommandData()
		msg := a.interactionMessage(s, in, commandText(data))
		private := moderatorCommand(data.Name)
		a.spawn("slash command", func(ctx context.Context) {
			a.answerInteraction(ctx, in, received, private, func(ctx context.Context) bot.Reply {
				r, ok := a.h.Handle(ctx, msg)
				switch {
				case ok:
					return r
				case moderatorCommand(data.Name):
					return doneReply
				}
				return quietReply
			})
		})
	case discordgo.InteractionMessageComponent:
		answerID, up, ok := parseVote(in.MessageComponentData().CustomID)
		user := interactionUser(in)
		if !ok || user.ID == "" {
			return
		}
		a.spawn("vote", func(ctx context.Context) {
			a.answerInteraction(ctx, in, received, true, func(ctx context.Context) bot.Reply {
				r := a.h.Vote(ctx, bot.Discord, user.ID, answerID, up)
				r.Private = true
				return r
			})
		})
	}
}

// snowflakeTime returns when a Discord ID was made, or otherwise when it is not an ID.
func snowflakeTime(id string, otherwise time.Time) time.Time {
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return otherwise
	}
	const discordEpoch = 1420070400000 // 2015-01-01 in Unix milliseconds
	return time.UnixMilli(int64(n>>22) + discordEpoch)
}

// interactionUser returns who used an interaction: a member in a server, a user in a DM.
func interactionUser(in *discordgo.Interaction) *discordgo.User {
	if in.Member != nil && in.Member.User != nil {
		return in.Member.User
	}
	if in.User != nil {
		return in.User
	}
	return &discordgo.User{}
}

func (a *Adapter) interactionMessage(s *discordgo.Session, in *discordgo.Interaction, text string) bot.Message {
	user := interactionUser(in)
	kind := bot.Private
	var mod func(context.Context) (bool, error)
	if in.GuildID != "" {
		kind = bot.Group
		m := member{guildID: in.GuildID, userID: user.ID}
		if in.Member != nil {
			perms := in.Member.Permissions
			m.roles, m.perms = in.Member.Roles, &perms
		}
		mod = a.moderator(m)
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
		Moderator: mod,
	}
}

// answerInteraction responds to an interaction with what answer returns: directly when it
// is ready within answerWithin of received, else deferred and edited in. No retry holds
// the first response past Discord's deadline. With private, the answer is shown to the
// user alone (a deferred response cannot change that later).
func (a *Adapter) answerInteraction(ctx context.Context, in *discordgo.Interaction, received time.Time, private bool, answer func(context.Context) bot.Reply) {
	answered := make(chan bot.Reply, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				a.log.Error("answering an interaction panicked", "panic", p)
				answered <- failedReply
			}
		}()
		answered <- answer(ctx)
	}()
	callback := "/interactions/" + url.PathEscape(in.ID) + "/" + url.PathEscape(in.Token) + "/callback"
	ackCtx, cancel := context.WithDeadline(ctx, received.Add(ackWindow))
	defer cancel()
	if reply, ok := a.answerInTime(ctx, answered, received); ok {
		p := render(reply)
		p.Ephemeral = p.Ephemeral || private
		body := p.body("")
		err := a.respond(ackCtx, callback, interactionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &body})
		if err != nil {
			a.metrics.SendError(platform)
			a.log.Warn("answering an interaction failed", "id", in.ID, "err", err)
		}
		return
	}
	deferred := interactionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if private {
		deferred.Data = &messageBody{Flags: discordgo.MessageFlagsEphemeral}
	}
	if err := a.respond(ackCtx, callback, deferred); err != nil {
		a.metrics.SendError(platform)
		a.log.Warn("deferring an interaction failed", "id", in.ID, "err", err)
		return
	}
	var reply bot.Reply
	select {
	case reply = <-answered:
	case <-ctx.Done():
		return
	}
	p := render(reply)
	p.Ephemeral = false // set by the deferred response; an edit cannot change it
	editCtx, cancelEdit := context.WithTimeout(ctx, sendTimeout)
	defer cancelEdit()
	edit := "/webhooks/" + url.PathEscape(in.AppID) + "/" + url.PathEscape(in.Token) + "/messages/@original"
	if err := a.rest.do(editCtx, "PATCH", edit, p.body(""), nil); err != nil {
		a.metrics.SendError(platform)
		a.log.Warn("sending a deferred interaction's answer failed", "id", in.ID, "err", err)
	}
}

// respond sends an interaction's first response. Discord saying it was answered already
// means an earlier try got through though its answer was lost: that is success.
func (a *Adapter) respond(ctx context.Context, callback string, r interactionResponse) error {
	err := a.rest.do(ctx, "POST", callback, r, nil)
	var ae *apiError
	if errors.As(err, &ae) && ae.Code == codeAlreadyAcknowledged {
		return nil
	}
	return err
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
