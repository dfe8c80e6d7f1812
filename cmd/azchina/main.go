// Command azchina answers questions about Azerbaijan–China relations from curated news
// articles, with citations, in a terminal, on Discord and on Telegram.
//
//	azchina ask "question"      answer one question
//	azchina ask --json -        answer one question a line from standard input, as JSON lines
//	azchina chat                an interactive console chat (no token, no network)
//	azchina serve               run the configured chat adapters (the default)
//	azchina topics | sources    list what the bot knows
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first signal starts a graceful shutdown; letting go of the signals makes a
		// second one end the process at once.
		<-ctx.Done()
		stop()
	}()
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	os.Exit(m.Run(ctx, os.Args[1:]))
}
