package telegramtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxText is the longest message text Telegram takes, in UTF-16 code units after the
// markup is parsed.
const MaxText = 4096

// allowedTags are the tags Telegram's HTML parse mode understands.
var allowedTags = map[string]bool{"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true,
	"s": true, "strike": true, "del": true, "span": true, "tg-spoiler": true, "a": true, "tg-emoji": true,
	"code": true, "pre": true, "blockquote": true}

// namedEntities are the named entities Telegram's HTML parse mode understands.
var namedEntities = map[string]string{"lt": "<", "gt": ">", "amp": "&", "quot": `"`}

// CheckHTML reads text as Telegram's HTML parse mode does and returns the text it shows,
// or an error like Telegram's: text that is not UTF-8, a tag Telegram does not know, tags
// that do not nest, an '<', '>' or '&' outside a tag or an entity, an unknown entity.
func CheckHTML(text string) (string, error) {
	if !utf8.ValidString(text) {
		return "", errors.New("text must be encoded in UTF-8")
	}
	var shown strings.Builder
	var open []string
	for i := 0; i < len(text); {
		switch text[i] {
		case '<':
			end := strings.IndexByte(text[i:], '>')
			if end < 0 {
				return "", fmt.Errorf("can't parse entities: unclosed start tag at byte offset %d", i)
			}
			tag := text[i+1 : i+end]
			closing := strings.HasPrefix(tag, "/")
			name := strings.ToLower(strings.TrimPrefix(tag, "/"))
			if sp := strings.IndexAny(name, " \t\n"); sp >= 0 {
				if closing {
					return "", fmt.Errorf("can't parse entities: end tag with attributes at byte offset %d", i)
				}
				name = name[:sp]
			}
			switch {
			case !allowedTags[name]:
				return "", fmt.Errorf("can't parse entities: unsupported start tag %q at byte offset %d", name, i)
			case !closing:
				open = append(open, name)
			case len(open) == 0 || open[len(open)-1] != name:
				return "", fmt.Errorf("can't parse entities: can't find end tag corresponding to start tag at byte offset %d", i)
			default:
				open = open[:len(open)-1]
			}
			i += end + 1
		case '>':
			return "", fmt.Errorf("can't parse entities: unexpected '>' at byte offset %d", i)
		case '&':
			end := strings.IndexByte(text[i:], ';')
			if end < 0 {
				return "", fmt.Errorf("can't parse entities: '&' not in an entity at byte offset %d", i)
			}
			r, ok := entity(text[i+1 : i+end])
			if !ok {
				return "", fmt.Errorf("can't parse entities: unknown entity %q at byte offset %d", text[i:i+end+1], i)
			}
			shown.WriteString(r)
			i += end + 1
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			shown.WriteRune(r)
			i += size
		}
	}
	if len(open) > 0 {
		return "", fmt.Errorf("can't parse entities: can't find end tag corresponding to start tag %q", open[len(open)-1])
	}
	return shown.String(), nil
}

func entity(name string) (string, bool) {
	if r, ok := namedEntities[name]; ok {
		return r, true
	}
	num, ok := strings.CutPrefix(name, "#")
	if !ok {
		return "", false
	}
	base := 10
	if hex, ok := strings.CutPrefix(strings.ToLower(num), "x"); ok {
		num, base = hex, 16
	}
	n, err := strconv.ParseUint(num, base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return "", false
	}
	return string(rune(n)), true
}

// UTF16Len is the length of s in UTF-16 code units, as Telegram counts.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}

// BotCommand is one entry of a command menu.
type BotCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// commandScopes are the scopes setMyCommands takes, by type.
var commandScopes = map[string]bool{"default": true, "all_private_chats": true, "all_group_chats": true,
	"all_chat_administrators": true, "chat": true, "chat_administrators": true, "chat_member": true}

// checkCommands reads setMyCommands' parameters as Telegram does and returns the menu, its
// scope's type and its language ("" for every language without a menu of its own), or why
// Telegram would refuse them.
func checkCommands(p Params) (menu []BotCommand, scope, lang string, err error) {
	if err := json.Unmarshal([]byte(p["commands"]), &menu); err != nil {
		return nil, "", "", fmt.Errorf("can't parse commands JSON object")
	}
	if len(menu) > 100 {
		return nil, "", "", errors.New("too many commands specified")
	}
	for _, c := range menu {
		if n := utf8.RuneCountInString(c.Command); n < 1 || n > 32 || strings.TrimLeft(c.Command, "abcdefghijklmnopqrstuvwxyz0123456789_") != "" {
			return nil, "", "", errors.New("BOT_COMMAND_INVALID")
		}
		if n := utf8.RuneCountInString(strings.TrimSpace(c.Description)); n < 1 || n > 256 {
			return nil, "", "", errors.New("BOT_COMMAND_DESCRIPTION_INVALID")
		}
	}
	scope = "default"
	if raw := p["scope"]; raw != "" {
		var sc struct{ Type string }
		if json.Unmarshal([]byte(raw), &sc) != nil || !commandScopes[sc.Type] {
			return nil, "", "", errors.New("wrong parameter scope")
		}
		scope = sc.Type
	}
	lang = p["language_code"]
	if lang != "" && (len(lang) != 2 || strings.Trim(lang, "abcdefghijklmnopqrstuvwxyz") != "") {
		return nil, "", "", errors.New("invalid language code specified")
	}
	return menu, scope, lang, nil
}

// checkMessage returns why Telegram would refuse m, or "".
func checkMessage(m Sent) string {
	shown := m.Text
	if m.ParseMode == "HTML" {
		var err error
		if shown, err = CheckHTML(m.Text); err != nil {
			return err.Error()
		}
	} else if !utf8.ValidString(shown) {
		return "text must be encoded in UTF-8"
	}
	switch {
	case strings.TrimSpace(shown) == "":
		return "message text is empty"
	case UTF16Len(shown) > MaxText:
		return "message is too long"
	}
	if m.Markup != "" {
		return checkKeyboard(m.Markup)
	}
	return ""
}

// checkKeyboard returns why Telegram would refuse an inline keyboard, or "".
func checkKeyboard(markup string) string {
	var kb struct {
		InlineKeyboard [][]map[string]json.RawMessage `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(markup), &kb); err != nil || kb.InlineKeyboard == nil {
		return "can't parse reply keyboard markup JSON object"
	}
	for _, row := range kb.InlineKeyboard {
		for _, b := range row {
			var text, data string
			_ = json.Unmarshal(b["text"], &text)
			if text == "" {
				return "BUTTON_TEXT_INVALID"
			}
			if raw, ok := b["copy_text"]; ok {
				var ct struct{ Text string }
				if json.Unmarshal(raw, &ct) != nil || ct.Text == "" {
					return "BUTTON_COPY_TEXT_INVALID"
				}
			}
			if raw, ok := b["callback_data"]; ok {
				_ = json.Unmarshal(raw, &data)
				if data == "" || len(data) > 64 {
					return "BUTTON_DATA_INVALID"
				}
			}
			if len(b) != 2 {
				return "can't parse inline keyboard button: exactly one of its optional fields must be used"
			}
		}
	}
	return ""
}
