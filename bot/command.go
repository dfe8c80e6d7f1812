package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Command is a parsed "/name@bot args" message.
type Command struct {
	Name string // lower-case, without "/" and "@bot"
	Args string // the rest, trimmed
	// For is the bot the command is addressed to ("ask@azchina_bot" → "azchina_bot"), or ""
	// when it names none.
	For string
}

// ParseCommand reads a command from text: "/ask question", "/ask@MyBot question",
// "/Topics". It reports false when text is not a command.
func ParseCommand(text string) (Command, bool) {
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	if !strings.HasPrefix(text, "/") {
		return Command{}, false
	}
	end := strings.IndexFunc(text, unicode.IsSpace)
	if end < 0 {
		end = len(text)
	}
	head := text[1:end]
	name, for_, _ := strings.Cut(head, "@")
	if name == "" || !isCommandName(name) {
		return Command{}, false
	}
	return Command{Name: strings.ToLower(name), Args: strings.TrimSpace(text[end:]), For: for_}, true
}

// isCommandName reports whether s is a command name: letters, digits and underscores, as
// Telegram and Discord allow, at most 32 characters.
func isCommandName(s string) bool {
	if utf8.RuneCountInString(s) > 32 {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// CommandInfo describes a command for a platform's command menu.
type CommandInfo struct {
	Name        string
	Description string
	Args        string // the argument's name, empty when it takes none
}

// Commands are the commands every chat understands, in menu order.
var Commands = []CommandInfo{
	{Name: "ask", Description: "Ask a question about Azerbaijan–China relations", Args: "question"},
	{Name: "topics", Description: "What I can answer about"},
	{Name: "sources", Description: "The articles I answer from"},
	{Name: "fact", Description: "One cited fact at random"},
	{Name: "timeline", Description: "Dated events from all articles, in order"},
	{Name: "help", Description: "How to use this bot"},
}
