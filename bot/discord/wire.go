package discord

import (
	"crypto/sha256"
	"encoding/base64"

	"github.com/bwmarrin/discordgo"
)

// noPings is allowed_mentions on every message: ping no one. It is a value that always
// encodes as {"parse":[]}, so that no message can go without it; discordgo's
// MessageAllowedMentions with a nil Parse encodes as null, which Discord reads as "parse
// the default mentions", @everyone included.
type noPings struct{}

// MarshalJSON implements json.Marshaler.
func (noPings) MarshalJSON() ([]byte, error) {
	return []byte(`{"parse":[],"replied_user":false}`), nil
}

// messageBody is a message as Discord's REST API takes it: created in a channel, sent as an
// interaction's response or edited into it.
// https://discord.com/developers/docs/resources/message#create-message-jsonform-params
type messageBody struct {
	Content         string                       `json:"content,omitempty"`
	Embeds          []*discordgo.MessageEmbed    `json:"embeds,omitempty"`
	Components      []discordgo.MessageComponent `json:"components,omitempty"`
	AllowedMentions noPings                      `json:"allowed_mentions"`
	Reference       *reference                   `json:"message_reference,omitempty"`
	Flags           discordgo.MessageFlags       `json:"flags,omitempty"`
	// Nonce with EnforceNonce makes Discord deliver a message sent again (after a lost
	// answer) once: within a few minutes it returns the message it made the first time.
	Nonce        string `json:"nonce,omitempty"`
	EnforceNonce bool   `json:"enforce_nonce,omitempty"`
}

// reference makes a message a reply to another.
type reference struct {
	MessageID string `json:"message_id"`
	ChannelID string `json:"channel_id,omitempty"`
	GuildID   string `json:"guild_id,omitempty"`
	// FailIfNotExists false still sends the reply when the question was deleted.
	FailIfNotExists bool `json:"fail_if_not_exists"`
}

// body returns p as a message body; a non-empty nonce is enforced.
func (p payload) body(nonce string) messageBody {
	b := messageBody{Content: p.Content, Embeds: p.Embeds, Components: p.Components, Nonce: nonce, EnforceNonce: nonce != ""}
	if p.Ephemeral {
		b.Flags = discordgo.MessageFlagsEphemeral
	}
	return b
}

// interactionResponse answers an interaction.
// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object
type interactionResponse struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data *messageBody                      `json:"data,omitempty"`
}

// nonce derives a message's nonce from what makes it unique (the question it answers, the
// digest and part it is), within Discord's 25 characters.
func nonce(key string) string {
	sum := sha256.Sum256([]byte(key))
	return base64.RawURLEncoding.EncodeToString(sum[:])[:maxNonce]
}
