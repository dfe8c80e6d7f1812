// Package telegram is the chat adapter for Telegram: it receives updates from the Bot API
// (long polling, or a webhook), turns each text message into a bot.Message for the router,
// and sends the reply back in HTML, threaded to the question.
//
// It is built on github.com/go-telegram/bot for the Bot API calls (getMe, setMyCommands,
// sendMessage, setWebhook) and its wire types, but receives updates itself, because the
// library's own loop is unsafe for a bot that must not lose or repeat answers: it
// confirms updates before they are handled and drops those still queued at shutdown, runs
// handlers without recover() in unbounded goroutines, and its webhook handler answers 200
// to a request with a wrong secret. Here each update is recovered on its own, replies to
// one chat go out in order at Telegram's pace (about one a second per chat, 30 a second in
// all), a 429 is retried after retry_after without holding up other chats, recently seen
// update_ids are skipped, and on shutdown the replies in flight are finished and the
// updates handled are confirmed.
package telegram
