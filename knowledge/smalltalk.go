package knowledge

import (
	"strings"
	"unicode"
)

// smallTalk returns what a message made only of chat says, when it asks nothing of the
// articles: thanks or praise ("thanks bot, you're great!"), a greeting, a goodbye, or
// how the bot is; else "". Its reply needs no search: "great" in it is no "Great Hall".
// A question is told apart at its first word that is no chat, without allocating.
func smallTalk(text string) string {
	var buf [16]byte
	thanks, good, greeting, bye := false, false, false, false
	var first [3]string // the first three words as written
	n := 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		w = strings.Trim(w, "'")
		if len(w) > len(buf) {
			return ""
		}
		lower := buf[:len(w)]
		for i := range len(w) {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower[i] = c
		}
		if n < len(first) {
			first[n] = w
			n++
		}
		switch smallTalkKinds[string(lower)] {
		case talkGreeting:
			greeting = true
		case talkGood:
			good = true // "good bot"; but "good morning" greets, "good night" takes leave
		case talkThanks:
			thanks = true
		case talkBye:
			bye = true
		case talkChat:
		default:
			if len(w) != 0 {
				return ""
			}
		}
	}
	switch {
	case thanks:
		return "thanks"
	case bye:
		return "bye"
	case greeting:
		return "greeting"
	case good:
		return "thanks"
	case startsWith(first[:n], "how", "are", "you"), startsWith(first[:n], "how", "is", "it"), startsWith(first[:n], "how's", "it", "going"):
		return "how"
	}
	return ""
}

// A talkKind is what a word of small talk does.
type talkKind uint8

const (
	talkNone     talkKind = iota
	talkGreeting          // greetingWords
	talkGood              // "good"
	talkThanks            // thanksWords
	talkBye               // byeWords
	talkChat              // chatWords
)

// smallTalkKinds gives each word of small talk its kind, looked up once: a word of two
// sets has the kind smallTalk tries first (greeting, "good", thanks, bye, chat).
var smallTalkKinds = func() map[string]talkKind {
	m := map[string]talkKind{}
	add := func(words map[string]bool, k talkKind) {
		for w := range words {
			if m[w] == talkNone {
				m[w] = k
			}
		}
	}
	add(greetingWords, talkGreeting)
	add(map[string]bool{"good": true}, talkGood)
	add(thanksWords, talkThanks)
	add(byeWords, talkBye)
	add(chatWords, talkChat)
	return m
}()

// startsWith reports whether words begin with want, in any case.
func startsWith(words []string, want ...string) bool {
	if len(words) < len(want) {
		return false
	}
	for i, w := range want {
		if !strings.EqualFold(words[i], w) {
			return false
		}
	}
	return true
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
	"nice": true, "excellent": true, "amazing": true, "perfect": true,
	"helpful": true, "brilliant": true, "wonderful": true, "best": true, "love": true,
	"thnx": true, "tysm": true, "smart": true, "clever": true, "genius": true, "useful": true,
	"fantastic": true, "impressive": true, "fast": true, "quick": true, "handy": true,
	"legend": true, "goat": true, "dope": true,
}

// greetingWords greet.
var greetingWords = map[string]bool{
	"hi": true, "hello": true, "hey": true, "hiya": true, "howdy": true, "greetings": true,
	"morning": true, "evening": true, "afternoon": true, "sup": true, "yo": true, "salam": true, "gm": true, "hai": true,
	"privet": true, "salom": true, "merhaba": true, "hola": true, "nihao": true,
}

// byeWords take leave.
var byeWords = map[string]bool{
	"bye": true, "goodbye": true, "cya": true, "later": true, "night": true, "farewell": true, "gn": true,
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
	"how": true, "how's": true, "doing": true, "today": true, "going": true, "thats": true,
	"what": true, "needed": true, "wanted": true, "exactly": true, "info": true, "bro": true,
	"dude": true, "got": true, "kinda": true, "pretty": true, "quite": true, "such": true,
}

// withoutGreeting drops a greeting that opens a question ("gm everyone! which bodies …",
// "good morning, when …"): it asks nothing.
func withoutGreeting(text string) string {
	i := strings.IndexAny(text, "!,.")
	if i <= 0 || i > maxGreeting || smallTalk(text[:i]) != "greeting" {
		return withoutGreetingWords(text)
	}
	if rest := strings.TrimSpace(text[i+1:]); hasLetters(rest) {
		return rest
	}
	return text
}

// withoutGreetingWords returns text without the greeting its first words make when no
// mark sets them apart ("hi bot how much has …"), up to the question word or verb that
// opens the question; or text.
func withoutGreetingWords(text string) string {
	first, _, _ := strings.Cut(text, " ")
	if first = strings.ToLower(first); !greetingWords[first] && first != "good" {
		return text // most questions: settled by their first word
	}
	if smallTalk(text) != "" {
		return text // "hi bot how are you": all of it is small talk
	}
	ws := strings.Fields(text)
	for n := 1; n <= 3 && n < len(ws); n++ {
		next := strings.ToLower(ws[n])
		if (questionWord[next] || auxiliaries[next] || copulas[next]) && smallTalk(strings.Join(ws[:n], " ")) == "greeting" {
			return strings.Join(ws[n:], " ")
		}
	}
	return text
}

// maxGreeting is how long a greeting before a question may be, in bytes.
const maxGreeting = 40
