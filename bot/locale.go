package bot

import "github.com/azchina/azchina/bot/i18n"

// commandKeys name each command's menu description in the catalogue, by command name.
var commandKeys = map[string]i18n.Key{
	"ask": i18n.AskCommand, "topics": i18n.TopicsCommand, "sources": i18n.SourcesCommand,
	"fact": i18n.FactCommand, "help": i18n.HelpCommand, "timeline": i18n.TimelineCommand,
}

// CommandsIn returns Commands described in lang, for the command menus platforms show per
// language (Telegram's setMyCommands language_code, Discord's description_localizations).
func CommandsIn(lang i18n.Lang) []CommandInfo {
	out := make([]CommandInfo, len(Commands))
	for i, c := range Commands {
		out[i] = c
		if k, ok := commandKeys[c.Name]; ok {
			out[i].Description = i18n.Text(lang, k)
		}
	}
	return out
}
