package knowledge

import (
	"strings"
	"unicode"
)

// smallTalk returns what a message made only of chat says, when it asks nothing of the
// articles: thanks or praise ("thanks bot, you're great!"), a greeting, a goodbye, or
// how the bot is; else "". Its reply needs no search: "great" in it is no "Great Hall".
func smallTalk(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	thanks, greeting, bye := false, false, false
	for i, w := range words {
		w = strings.Trim(w, "'")
		words[i] = w
		switch {
		case greetingWords[w]:
			greeting = true
		case thanksWords[w] && !(w == "good" && i+1 < len(words) && (greetingWords[words[i+1]] || byeWords[words[i+1]])):
			thanks = true // but "good morning" greets, "good night" takes leave
		case byeWords[w]:
			bye = true
		case chatWords[w], w == "":
		default:
			return ""
		}
	}
	switch joined := strings.Join(words, " "); {
	case thanks:
		return "thanks"
	case bye:
		return "bye"
	case greeting:
		return "greeting"
	case strings.HasPrefix(joined, "how are you") || strings.HasPrefix(joined, "how is it going") || strings.HasPrefix(joined, "how's it going"):
		return "how"
	}
	return ""
}

// smallTalkReplies answer small talk by its kind, before what the bot answers.
var smallTalkReplies = map[string]string{
	"thanks":   "Glad to help.",
	"greeting": "Hello! Ask me a question about Azerbaijan and China.",
	"bye":      "Goodbye!",
	"how":      "I am a bot that answers from news articles, and ready for a question.",
}

// thanksWords thank or praise the bot.
var thanksWords = map[string]bool{
	"thanks": true, "thank": true, "thx": true, "thanx": true, "ty": true, "cheers": true,
	"appreciate": true, "appreciated": true, "great": true, "awesome": true, "cool": true,
	"nice": true, "good": true, "excellent": true, "amazing": true, "perfect": true,
	"helpful": true, "brilliant": true, "wonderful": true, "best": true, "love": true,
	"thnx": true, "tysm": true,
}

// greetingWords greet.
var greetingWords = map[string]bool{
	"hi": true, "hello": true, "hey": true, "hiya": true, "howdy": true, "greetings": true,
	"morning": true, "evening": true, "afternoon": true, "sup": true, "yo": true, "salam": true,
}

// byeWords take leave.
var byeWords = map[string]bool{
	"bye": true, "goodbye": true, "cya": true, "later": true, "night": true, "farewell": true,
}

// chatWords carry no question in small talk: "you're", "so much", "lol".
var chatWords = map[string]bool{
	"bot": true, "you": true, "you're": true, "youre": true, "your": true, "u": true, "ur": true,
	"are": true, "is": true, "so": true, "very": true, "much": true, "really": true, "a": true,
	"the": true, "lot": true, "ok": true, "okay": true, "oh": true, "lol": true, "haha": true,
	"wow": true, "there": true, "all": true, "again": true, "for": true, "it": true,
	"that": true, "this": true, "me": true, "i": true, "my": true, "and": true, "guys": true,
	"everyone": true, "buddy": true, "friend": true, "pls": true, "please": true, "job": true,
	"work": true, "answer": true, "answers": true, "help": true, "mate": true, "man": true,
	"good's": true, "see": true, "just": true, "too": true, "now": true, "have": true, "day": true,
	"that's": true, "it's": true, "was": true, "super": true, "alright": true, "fine": true,
	"how": true, "how's": true, "doing": true, "today": true, "going": true, "good": true,
}
