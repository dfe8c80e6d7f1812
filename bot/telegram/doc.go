// Package telegram is the chat adapter for Telegram: it receives updates from the Bot API
// (long polling, or a webhook), turns each text message into a bot.Message for the router,
// and sends the reply back in HTML, threaded to the question, with 👍/👎 buttons under an
// answer. It also posts daily digests (digest.Poster) and tells the router who moderates
// a group (getChatMember; anonymous admins write as the group itself).
//
// It is built on github.com/go-telegram/bot for the Bot API calls and its wire types, but
// receives updates itself, because the library's own loop is unsafe for a bot that must
// not lose or repeat answers: it confirms updates before they are handled and drops those
// still queued at shutdown, runs handlers without recover() in unbounded goroutines, and
// its webhook handler answers 200 to a request with a wrong secret. Here an update is
// confirmed only once an Inbox (the SQLite store) holds it, and marked done once answered,
// so one in flight at a crash is answered after the restart and one delivered again is
// skipped; each update is recovered on its own; replies to one chat go out in order at
// Telegram's pace (about one a second per chat, 30 a second in all); a 429 is retried
// after retry_after and a server error after a short wait, without holding up other chats;
// a group that becomes a supergroup is followed; and on shutdown the replies in flight are
// finished. The library's inline keyboard button cannot be sent as Telegram accepts it
// (it always carries an empty copy_text), so the vote buttons are the adapter's own.
package telegram
