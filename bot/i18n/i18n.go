// Package i18n holds the bot's fixed replies (help, notices, list titles) in English,
// Azerbaijani, Russian and Chinese, and reads a platform's locale (Telegram's
// language_code, Discord's locale) as one of those languages.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a language the bot speaks, by its ISO 639-1 code.
type Lang string

// The languages the bot speaks. English is the default.
const (
	English     Lang = "en"
	Azerbaijani Lang = "az"
	Russian     Lang = "ru"
	Chinese     Lang = "zh"
)

// Langs lists the languages the bot speaks, English first.
var Langs = []Lang{English, Azerbaijani, Russian, Chinese}

// Parse reads a locale as a platform reports it ("ru", "az-AZ", "zh-CN", "zh-hans",
// "en_US") as the bot's language for it: English for any language it does not speak, and
// for an empty locale.
func Parse(locale string) Lang {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(locale)), "-")
	base, _, _ = strings.Cut(base, "_")
	switch l := Lang(base); l {
	case Azerbaijani, Russian, Chinese:
		return l
	}
	return English
}

// Key names a fixed reply.
type Key int

// The fixed replies. The comment says what arguments each takes.
const (
	Help           Key = iota // none
	TooFast                   // the wait (time.Duration) and the wait in whole seconds (int)
	UnknownCommand            // the command's name (string)
	EmptyAsk                  // none
	TooLong                   // the question's length and the limit, in characters (int, int)
	Failed                    // none
	NoFacts                   // none
	TryTopics                 // none: follows a refusal
	TopicsTitle               // none
	SourcesTitle              // none
	FactTitle                 // none
	TopicItem                 // the topic's name (string) and how many facts it holds (int)
	TopicExample              // an example question (string): follows a TopicItem
	AskCommand                // none: the command menu's description of /ask, and so on
	TopicsCommand
	SourcesCommand
	FactCommand
	HelpCommand
	TimelineCommand
	numKeys
)

// Text returns the reply k in lang, its arguments filled in. A language without the reply
// gets the English one.
func Text(lang Lang, k Key, args ...any) string {
	format, ok := catalog[lang][k]
	if !ok {
		format = catalog[English][k]
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
