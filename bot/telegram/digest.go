package telegram

import (
	"context"
	"fmt"
	"strconv"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
)

var _ digest.Poster = (*Adapter)(nil)

// Platform names the platform whose digests PostDigest posts.
func (a *Adapter) Platform() bot.Platform { return bot.Telegram }

// PostDigest posts a daily digest to its Telegram chat: a dated title and the facts, each
// a quote with its numbered citation, in HTML and in as many messages as it takes. Like
// every message it keeps to Telegram's pace and retries a 429 or a server error; it
// follows a group that has become a supergroup. It is safe for concurrent use.
func (a *Adapter) PostDigest(ctx context.Context, d digest.Digest) error {
	chat, err := strconv.ParseInt(d.Channel.ChatID, 10, 64)
	if err != nil {
		return fmt.Errorf("post digest: %q is not a Telegram chat ID", d.Channel.ChatID)
	}
	parts := Render(d.Reply())
	if len(parts) == 0 {
		return fmt.Errorf("post digest to %d: nothing to post", chat)
	}
	if err := a.sendParts(ctx, chat, 0, parts, nil); err != nil {
		return fmt.Errorf("post digest to %d: %s", chat, a.redact(err))
	}
	return nil
}
