package discord

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
)

var _ digest.Poster = (*Adapter)(nil)

// Platform names the platform whose chats PostDigest posts to.
func (a *Adapter) Platform() bot.Platform { return bot.Discord }

// PostDigest posts a digest to its Discord channel, in as many messages as Discord's
// limits need (one, for up to ten facts of usual length). Each message carries a nonce
// made from the digest's channel, day and part, so that a digest sent again after a lost
// answer is delivered once. It needs no gateway connection.
func (a *Adapter) PostDigest(ctx context.Context, d digest.Digest) error {
	if _, err := strconv.ParseUint(d.Channel.ChatID, 10, 64); err != nil {
		return fmt.Errorf("post digest: %q is not a Discord channel ID", d.Channel.ChatID)
	}
	parts := renderDigest(d)
	for i, p := range parts {
		body := p.body(nonce(d.Key() + "#" + strconv.Itoa(i)))
		if err := a.rest.do(ctx, "POST", "/channels/"+url.PathEscape(d.Channel.ChatID)+"/messages", body, nil); err != nil {
			a.metrics.SendError(platform)
			return fmt.Errorf("post digest to channel %s (message %d of %d): %w", d.Channel.ChatID, i+1, len(parts), err)
		}
	}
	return nil
}

// renderDigest shows a digest as embeds, one per fact: the fact's verbatim quote and its
// citation, the first under the digest's dated title. The embeds go into as few messages
// as Discord's limits allow (ten embeds and 6,000 characters a message), so that no quote
// is cut short.
func renderDigest(d digest.Digest) []payload {
	if len(d.Items) == 0 {
		return []payload{render(d.Reply())}
	}
	var out []payload
	var cur payload
	total := 0
	for i, it := range d.Items {
		e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Color: embedColor}
		if i == 0 {
			e.Title = truncate(escape(d.Title), maxTitle)
		}
		text := escape(strings.TrimSuffix(it.Answer.Text, " [1]"))
		e.Description = truncate(fmt.Sprintf("%s \\[%d\\]", text, i+1), maxDescription)
		if len(it.Answer.Citations) > 0 {
			e.Fields = []*discordgo.MessageEmbedField{citationField(i+1, it.Answer.Citations[0])}
		}
		n := embedLength(e)
		if len(cur.Embeds) == maxEmbeds || total+n > maxEmbedTotal {
			out = append(out, cur)
			cur, total = payload{}, 0
		}
		cur.Embeds = append(cur.Embeds, e)
		total += n
	}
	return append(out, cur)
}

// embedLength is an embed's length as Discord counts it against the 6,000 of a message.
func embedLength(e *discordgo.MessageEmbed) int {
	n := runes(e.Title) + runes(e.Description)
	for _, f := range e.Fields {
		n += runes(f.Name) + runes(f.Value)
	}
	if e.Footer != nil {
		n += runes(e.Footer.Text)
	}
	if e.Author != nil {
		n += runes(e.Author.Name)
	}
	return n
}
