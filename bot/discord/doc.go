// Package discord is the chat adapter for Discord, on github.com/bwmarrin/discordgo. It
// answers in direct messages, in server channels when the bot is mentioned or a message
// replies to one of its own, and through the slash commands /ask, /topics, /sources, /fact,
// /timeline and /help, and, for moderators, /digest (with subcommands) and /gaps. Answers
// the journal keeps carry 👍/👎 buttons. It posts daily digests (digest.Poster) and tells
// the router who moderates a server: Manage Server, Manage Channels, the owner, or a role
// named in the settings. Every message is rendered within Discord's limits and pings no one.
//
// discordgo runs the gateway; the adapter works around its traps (v0.29.0): it supervises
// the connection itself (the library's own reconnect loop retries a rejected token forever
// and deadlocks when the gateway sends op 7 instead of READY), opens it under a timeout,
// recovers from a panic in any one event and shuts down by one deadline. REST calls it makes
// itself with net/http (rest.go): discordgo keeps a rate-limit bucket per URL for ever, and
// an interaction's URLs are new every time. Calls are retried, boundedly, after a 429, a 5xx
// or a lost connection; messages carry a nonce so that a retried send is delivered once; no
// retry holds an interaction past Discord's 3 seconds.
package discord
