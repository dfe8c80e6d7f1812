// Package console is the chat adapter for a terminal: each line typed is a message in a
// private chat, and each reply is printed as plain text. It needs no token and no network.
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/azchina/azchina/bot"
)

// Handler answers messages; *bot.Router is one.
type Handler interface {
	Handle(ctx context.Context, m bot.Message) (bot.Reply, bool)
}

// Adapter runs a chat on a reader and a writer.
type Adapter struct {
	in     io.Reader
	out    io.Writer
	router Handler
}

// New returns an Adapter reading lines from in and writing replies to out.
func New(in io.Reader, out io.Writer, router Handler) *Adapter {
	return &Adapter{in: in, out: out, router: router}
}

// Run chats until the input ends or ctx is done. It returns the error that ended reading,
// or nil.
func (a *Adapter) Run(ctx context.Context) error {
	lines := make(chan string)
	errs := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(a.in)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		errs <- sc.Err()
	}()
	fmt.Fprint(a.out, "Ask about Azerbaijan–China relations (/help for commands, Ctrl-D to leave).\n> ")
	for n := 1; ; n++ {
		select {
		case <-ctx.Done():
			fmt.Fprintln(a.out)
			return nil
		case err := <-errs:
			fmt.Fprintln(a.out)
			return err
		case line := <-lines:
			m := bot.Message{Platform: bot.Console, ChatID: "console", ChatKind: bot.Private,
				MessageID: fmt.Sprint(n), UserID: "console", UserName: "you", Text: line}
			if r, ok := a.router.Handle(ctx, m); ok {
				fmt.Fprint(a.out, bot.PlainText(r))
			}
			fmt.Fprint(a.out, "> ")
		}
	}
}
