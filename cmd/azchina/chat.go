package main

import (
	"bufio"
	"context"
	"fmt"
)

func (m *Main) chat(ctx context.Context, args []string) error {
	fs := m.flags("chat", "chat [--seeds DIR]")
	dir := fs.String("seeds", "", "read articles from this folder instead of the embedded seeds")
	if err := parse(fs, args); err != nil {
		return err
	}
	e, err := m.loadEngine(*dir)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(m.Stdin)
	fmt.Fprint(m.Stdout, "> ")
	for sc.Scan() {
		a, err := e.Answer(ctx, sc.Text())
		if err != nil {
			return err
		}
		writeAnswer(m.Stdout, a)
		fmt.Fprint(m.Stdout, "> ")
	}
	return sc.Err()
}

func (m *Main) serve(ctx context.Context, args []string) error { return m.chat(ctx, args) }
