package i18n

// catalog holds each reply's format in each language. Formats index their arguments
// ("%[2]d") where a language leaves one out or puts them in another order.
var catalog = map[Lang]map[Key]string{
	English: {
		Help: `I answer questions about Azerbaijan–China relations from news articles, quoting them and citing each article. You can ask in English, Azerbaijani, Russian or Chinese; the quotes are in English.

In a private chat, just write your question. In a group, mention me, reply to my message or use /ask.

/ask question — ask a question
/topics — what I can answer about
/sources — the articles I answer from
/fact — one cited fact at random
/timeline — dated events, in order
/help — this message

Moderators: /digest (daily facts for this chat) and /gaps (what people asked that I could not answer).

Example: /ask How many documents were signed in 2019?`,
		TooFast:         "You are asking faster than I can answer. Please wait %[1]s and ask again.",
		UnknownCommand:  "I don't know the command /%s. Try /help.",
		EmptyAsk:        "Ask me a question about Azerbaijan–China relations, for example: /ask What did the two presidents sign in Beijing?",
		TooLong:         "Your question is %d characters long. Please ask in under %d.",
		Failed:          "Something went wrong while I looked that up. Please try again in a moment.",
		NoFacts:         "I have no facts to show yet.",
		TryTopics:       "Try /topics.",
		TopicsTitle:     "What I can answer about",
		SourcesTitle:    "The articles I answer from",
		FactTitle:       "A fact",
		TopicItem:       "%s (%d facts)",
		TopicExample:    " — e.g. “%s”",
		AskCommand:      "Ask a question about Azerbaijan–China relations",
		TopicsCommand:   "What I can answer about",
		SourcesCommand:  "The articles I answer from",
		FactCommand:     "One cited fact at random",
		HelpCommand:     "How to use this bot",
		TimelineCommand: "Dated events from all articles, in order",
	},
	Azerbaijani: {
		Help: `Xəbər məqalələrinə əsasən Azərbaycan–Çin əlaqələri haqqında suallara cavab verirəm: məqalələrdən sitat gətirir və hər birinə istinad edirəm. Azərbaycan, rus, çin və ya ingilis dilində soruşa bilərsiniz; sitatlar ingilis dilindədir.

Şəxsi çatda sadəcə sualınızı yazın. Qrupda məni qeyd edin, mesajıma cavab yazın və ya /ask əmrindən istifadə edin.

/ask sual — sual vermək
/topics — nə barədə cavab verə bilərəm
/sources — cavab verdiyim məqalələr
/fact — təsadüfi seçilmiş, mənbəli bir fakt
/timeline — tarixli hadisələr, sıra ilə
/help — bu mesaj

Moderatorlar üçün: /digest (bu çat üçün gündəlik faktlar) və /gaps (cavab verə bilmədiyim suallar).

Nümunə: /ask 2019-cu ildə neçə sənəd imzalanıb?`,
		TooFast:         "Suallarınız cavab verə bildiyimdən tez gəlir. Zəhmət olmasa, %[2]d saniyə gözləyin və yenidən soruşun.",
		UnknownCommand:  "/%s əmrini tanımıram. /help yazın.",
		EmptyAsk:        "Mənə Azərbaycan–Çin əlaqələri haqqında sual verin, məsələn: /ask Prezidentlər Pekində nə imzalayıblar?",
		TooLong:         "Sualınız %d simvoldan ibarətdir. Zəhmət olmasa, %d simvoldan qısa yazın.",
		Failed:          "Cavabı axtararkən xəta baş verdi. Bir azdan yenidən cəhd edin.",
		NoFacts:         "Hələ göstərə biləcəyim fakt yoxdur.",
		TryTopics:       "/topics əmrini sınayın.",
		TopicsTitle:     "Nə barədə cavab verə bilərəm",
		SourcesTitle:    "Cavab verdiyim məqalələr",
		FactTitle:       "Bir fakt",
		TopicItem:       "%s (%d fakt)",
		TopicExample:    " — məsələn: “%s”",
		AskCommand:      "Azərbaycan–Çin əlaqələri haqqında sual verin",
		TopicsCommand:   "Nə barədə cavab verə bilərəm",
		SourcesCommand:  "Cavab verdiyim məqalələr",
		FactCommand:     "Təsadüfi seçilmiş, mənbəli bir fakt",
		HelpCommand:     "Botdan necə istifadə etmək olar",
		TimelineCommand: "Bütün məqalələrdən tarixli hadisələr, sıra ilə",
	},
	Russian: {
		Help: `Я отвечаю на вопросы об отношениях Азербайджана и Китая по новостным статьям: цитирую их и указываю каждую статью. Спрашивать можно по-русски, по-азербайджански, по-китайски или по-английски; цитаты — на английском языке.

В личном чате просто напишите вопрос. В группе упомяните меня, ответьте на моё сообщение или используйте /ask.

/ask вопрос — задать вопрос
/topics — о чём я могу рассказать
/sources — статьи, по которым я отвечаю
/fact — случайный факт с источником
/timeline — датированные события по порядку
/help — это сообщение

Для модераторов: /digest (ежедневные факты для этого чата) и /gaps (вопросы, на которые я не смог ответить).

Пример: /ask Сколько документов подписали в 2019 году?`,
		TooFast:         "Вы спрашиваете быстрее, чем я успеваю отвечать. Подождите %[2]d с и спросите снова.",
		UnknownCommand:  "Я не знаю команды /%s. Попробуйте /help.",
		EmptyAsk:        "Задайте мне вопрос об отношениях Азербайджана и Китая, например: /ask Что подписали президенты в Пекине?",
		TooLong:         "В вашем вопросе %d символов. Пожалуйста, уложитесь в %d.",
		Failed:          "При поиске ответа что-то пошло не так. Попробуйте ещё раз чуть позже.",
		NoFacts:         "Мне пока нечего показать.",
		TryTopics:       "Попробуйте /topics.",
		TopicsTitle:     "О чём я могу рассказать",
		SourcesTitle:    "Статьи, по которым я отвечаю",
		FactTitle:       "Факт",
		TopicItem:       "%s (фактов: %d)",
		TopicExample:    " — например: «%s»",
		AskCommand:      "Задать вопрос об отношениях Азербайджана и Китая",
		TopicsCommand:   "О чём я могу рассказать",
		SourcesCommand:  "Статьи, по которым я отвечаю",
		FactCommand:     "Случайный факт с источником",
		HelpCommand:     "Как пользоваться ботом",
		TimelineCommand: "Датированные события из всех статей по порядку",
	},
	Chinese: {
		Help: `我根据新闻文章回答有关阿塞拜疆与中国关系的问题，引用原文并注明每篇文章的出处。您可以用中文、阿塞拜疆语、俄语或英语提问；引文为英文原文。

在私聊中直接写下您的问题即可。在群组中，请提及我、回复我的消息或使用 /ask。

/ask 问题 — 提问
/topics — 我能回答的话题
/sources — 我所依据的文章
/fact — 随机一条注明出处的事实
/timeline — 按时间顺序列出的事件
/help — 本帮助信息

管理员：/digest（本群每日事实）和 /gaps（我未能回答的问题）。

示例：/ask 2019年签署了多少份文件？`,
		TooFast:         "您提问太快了，我来不及回答。请等待 %[2]d 秒后再问。",
		UnknownCommand:  "我不认识命令 /%s。请试试 /help。",
		EmptyAsk:        "请向我提一个关于阿塞拜疆与中国关系的问题，例如：/ask 两国元首在北京签署了什么？",
		TooLong:         "您的问题有 %d 个字符。请控制在 %d 个字符以内。",
		Failed:          "查找答案时出了点问题，请稍后再试。",
		NoFacts:         "我还没有可以展示的事实。",
		TryTopics:       "试试 /topics。",
		TopicsTitle:     "我能回答的话题",
		SourcesTitle:    "我所依据的文章",
		FactTitle:       "一条事实",
		TopicItem:       "%s（%d 条事实）",
		TopicExample:    " — 例如：“%s”",
		AskCommand:      "提一个关于阿塞拜疆与中国关系的问题",
		TopicsCommand:   "我能回答的话题",
		SourcesCommand:  "我所依据的文章",
		FactCommand:     "随机一条注明出处的事实",
		HelpCommand:     "如何使用本机器人",
		TimelineCommand: "所有文章中的事件，按时间顺序",
	},
}
