// Package discord is the chat adapter for Discord, on github.com/bwmarrin/discordgo. It
// answers in direct messages, in server channels when the bot is mentioned or a message
// replies to one of its own, and through the slash commands /ask, /topics, /sources, /fact
// and /help. Every reply is rendered within Discord's limits and pings no one.
//
// The adapter works around the traps of discordgo v0.29.0: it supervises the gateway
// connection itself (the library's own reconnect loop retries a rejected token forever and
// deadlocks when the gateway sends op 7 instead of READY), opens it under a timeout, bounds
// every REST call by a deadline (the library retries 429s without end), acknowledges
// interactions within Discord's 3 seconds and recovers from a panic in any one event.
package discord
