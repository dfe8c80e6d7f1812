package lingo

// notes are the engine's fixed words in each language other than English.
var notes = map[Language]struct{ quotes, notFound string }{
	Azerbaijani: {"(Sitatlar ingilis dilindədir / quotes are in English)", "Cavab verdiyim məqalələrdə bu barədə heç nə deyilmir."},
	Russian:     {"(Цитаты на английском языке / quotes are in English)", "В статьях, по которым я отвечаю, об этом не говорится."},
	Chinese:     {"(引文为英文原文 / quotes are in English)", "我所依据的文章中没有提到这一点。"},
}

// QuotesNote returns the line put before an answer to a question asked in lang: the
// quotes are in English, said in lang and in English. It returns "" for English.
func QuotesNote(lang Language) string { return notes[lang].quotes }

// NotFound returns, in lang, that the articles do not say; "" for English.
func NotFound(lang Language) string { return notes[lang].notFound }
