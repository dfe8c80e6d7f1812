// Command azchina answers questions about Azerbaijan–China relations from curated news
// articles, with citations, in a terminal, on Discord and on Telegram.
//
//	azchina ask "question"      answer one question
//	azchina ask --json -        answer one question a line from standard input, as JSON lines
//	azchina chat                an interactive console chat (no token, no network)
//	azchina serve               run the configured chat adapters (the default)
//	azchina digest --preview    print a chat's daily digest as it will be posted
//	azchina topics | sources    list what the bot knows
//	azchina timeline            the dated events of all articles, in order
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	os.Exit((&Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}).Run(signalled(), os.Args[1:]))
}

// signalled returns a context that ends at the first SIGINT or SIGTERM, for a graceful
// shutdown. By the time it ends the signals are let go of, so that a second one ends the
// process at once (the default action), however long the shutdown takes.
func signalled() context.Context {
	sig, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-sig.Done()
		stop()
		cancel()
	}()
	return ctx
}
