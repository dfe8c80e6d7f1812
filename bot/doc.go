// Package bot turns chat messages from any platform into answers: one router parses
// commands, applies limits and asks the knowledge engine; adapters (console, Telegram,
// Discord) turn platform events into Messages and render Replies by their platform's rules.
package bot
