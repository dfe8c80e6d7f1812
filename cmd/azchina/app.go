package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/knowledge"
	"github.com/azchina/azchina/seeds"
)

// Main is the azchina program with its standard streams and environment, so that tests
// can run it.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

const usage = `azchina answers questions about Azerbaijan–China relations from news articles, with citations.

Usage:
  azchina [serve]                 run the chat adapters configured (the console chat when no token is set)
  azchina ask [flags] "question"  answer one question
  azchina ask --json -            answer one question a line from standard input, one JSON object a line out
  azchina chat                    chat in the terminal (no token, no network)
  azchina digest --preview [--date YYYY-MM-DD] [--count N] [--chat platform:id]
                                  print a chat's daily digest, as it will be posted
  azchina topics                  list the topics with how many facts each holds
  azchina sources                 list the articles
  azchina timeline                the dated events of all articles, in order

Run "azchina COMMAND --help" for a command's flags.
`

// Run runs the command line args and returns the exit status: 0 on success, 1 when the
// work failed, 2 for a usage error.
func (m *Main) Run(ctx context.Context, args []string) int {
	cmd := "serve"
	if len(args) > 0 {
		switch {
		case args[0] == "-h" || args[0] == "-help" || args[0] == "--help":
			cmd = "help" // the program's usage, not serve's flags
		case !strings.HasPrefix(args[0], "-"):
			cmd, args = args[0], args[1:]
		}
	}
	var err error
	switch cmd {
	case "ask":
		err = m.ask(ctx, args)
	case "chat":
		err = m.chat(ctx, args)
	case "digest":
		err = m.digest(ctx, args)
	case "serve":
		err = m.serve(ctx, args)
	case "topics":
		err = m.topics(args)
	case "sources":
		err = m.sources(args)
	case "timeline":
		err = m.timeline(args)
	case "help":
		fmt.Fprint(m.Stdout, usage)
		return 0
	default:
		fmt.Fprintf(m.Stderr, "azchina: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(usageError)):
		fmt.Fprintf(m.Stderr, "azchina %s: %v\n", cmd, err)
		return 2
	default:
		fmt.Fprintf(m.Stderr, "azchina %s: %v\n", cmd, err)
		return 1
	}
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// flags returns a flag set for a subcommand that prints its usage to standard error.
func (m *Main) flags(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: azchina %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
		fmt.Fprintln(m.Stderr, "\nRun \"azchina help\" for every command.")
	}
	return fs
}

// noArgs is a usage error when a command that takes only flags was given more.
func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() == 0 {
		return nil
	}
	return usageError{fmt.Sprintf("unexpected argument %q: %s takes no arguments, only flags (see \"azchina %s --help\")",
		fs.Arg(0), fs.Name(), fs.Name())}
}

// parse parses a subcommand's flags; a bad flag is a usage error (its usage is printed).
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

// loadEngine builds the engine from the embedded seeds, or from dir when it is set.
func (m *Main) loadEngine(dir string) (*knowledge.Engine, error) {
	var fsys fs.FS = seeds.FS
	if dir != "" {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("seeds folder: %w", err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("seeds folder %s is not a folder", dir)
		}
		fsys = os.DirFS(dir)
	}
	shown := 0
	e, err := knowledge.LoadWithProgress(fsys, func(done, total int) {
		if total >= 200 && done*10/total > shown {
			shown = done * 10 / total
			fmt.Fprintf(m.Stderr, "reading articles: %d of %d\n", done, total)
		}
	})
	if err != nil {
		return nil, err
	}
	for _, p := range e.Problems() {
		fmt.Fprintf(m.Stderr, "azchina: left out: %v\n", p)
	}
	return e, nil
}

func (m *Main) ask(ctx context.Context, args []string) error {
	fs := m.flags("ask", `ask [--json] [--explain] [--seeds DIR] "question" | -`)
	asJSON := fs.Bool("json", false, "print one JSON object per question (the contract of shared/eval/score.py)")
	explain := fs.Bool("explain", false, "show why the winning facts won: scores by signal")
	dir := fs.String("seeds", "", "read articles from this folder instead of the embedded seeds")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{`give a question, or "-" to read one a line from standard input`}
	}
	e, err := m.loadEngine(*dir)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	one := func(q string) error {
		var a knowledge.Answer
		var ex knowledge.Explanation
		var err error
		a, ex, err = answerSafely(ctx, e, q, *explain)
		var fault engineFault
		if errors.As(err, &fault) {
			// One question that finds a fault in the engine gets a refusal, and the
			// questions after it are still answered: one object a line, in order.
			fmt.Fprintf(m.Stderr, "azchina: %v\n", err)
			a, err = knowledge.Answer{Text: "Something went wrong while answering that question. Please ask it another way.", Citations: []knowledge.Citation{}}, nil
		}
		if err != nil {
			return err
		}
		if *asJSON {
			b, err := json.Marshal(a)
			if err != nil {
				return fmt.Errorf("encode answer: %w", err)
			}
			out.Write(append(b, '\n'))
		} else {
			writeAnswer(out, a)
		}
		if *explain {
			writeExplanation(out, ex)
		}
		return out.Flush()
	}
	if fs.NArg() == 1 && fs.Arg(0) == "-" {
		sc := bufio.NewScanner(m.Stdin)
		sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
		for sc.Scan() {
			if err := one(sc.Text()); err != nil {
				return err
			}
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("read questions: %w", err)
		}
		return nil
	}
	return one(strings.Join(fs.Args(), " "))
}

// engineFault is a panic in the engine while it answered one question.
type engineFault struct{ p any }

func (f engineFault) Error() string { return fmt.Sprintf("the engine failed on a question: %v", f.p) }

// answerer is what ask needs of the engine.
type answerer interface {
	Answer(ctx context.Context, question string) (knowledge.Answer, error)
	Explain(ctx context.Context, question string) (knowledge.Answer, knowledge.Explanation, error)
}

// answerSafely answers (or explains) one question, turning a panic in the engine into an
// engineFault.
func answerSafely(ctx context.Context, e answerer, q string, explain bool) (a knowledge.Answer, ex knowledge.Explanation, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = engineFault{p}
		}
	}()
	if explain {
		return e.Explain(ctx, q)
	}
	a, err = e.Answer(ctx, q)
	return a, ex, err
}

// writeAnswer prints an answer for a person: the text, then the numbered citations.
func writeAnswer(w io.Writer, a knowledge.Answer) {
	fmt.Fprintln(w, a.Text)
	if len(a.Citations) > 0 {
		fmt.Fprintln(w)
	}
	for i, c := range a.Citations {
		fmt.Fprintf(w, "[%d] %s\n", i+1, bot.CitationLine(c))
	}
	fmt.Fprintln(w)
}

func writeExplanation(w io.Writer, ex knowledge.Explanation) {
	fmt.Fprintf(w, "question: %q  kind: %s  intent: %s\n", ex.Question, ex.Kind, ex.Intent)
	for _, t := range ex.Terms {
		fmt.Fprintf(w, "  word %-16q weight %.2f  matches %s\n", t.Word, t.Weight, strings.Join(t.Matches, " "))
	}
	for i, h := range ex.Hits {
		eligible := "eligible"
		if !h.Eligible {
			eligible = "excluded: " + h.Excluded
		}
		missed := ""
		if len(h.Missed) > 0 {
			missed = "; misses " + strings.Join(h.Missed, ", ")
		}
		fmt.Fprintf(w, "  #%d final %.2f = bm25 %.2f + phrase %.2f + order %.2f + type %.2f + intent %.2f; coverage %.2f%s; %s\n     %s ¶%d: %s\n",
			i+1, h.Final, h.BM25, h.Phrase, h.Order, h.Type, h.Intent, h.Coverage, missed, eligible, h.Fact.Source, h.Fact.Paragraph, h.Fact.Text)
	}
	fmt.Fprintln(w)
}

// listing parses the flags of a command that lists what the engine knows and returns the
// engine to list from.
func (m *Main) listing(name string, args []string) (*knowledge.Engine, error) {
	fs := m.flags(name, name+" [--seeds DIR]")
	dir := fs.String("seeds", "", "read articles from this folder instead of the embedded seeds")
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	if err := noArgs(fs); err != nil {
		return nil, err
	}
	return m.loadEngine(*dir)
}

func (m *Main) topics(args []string) error {
	e, err := m.listing("topics", args)
	if err != nil {
		return err
	}
	for _, t := range e.Topics() {
		fmt.Fprintf(m.Stdout, "%-40s %3d facts  (%s)\n    %s\n", t.Name, t.Facts, t.ID, t.Description)
		if len(t.Examples) > 0 {
			fmt.Fprintf(m.Stdout, "    e.g. %s\n", t.Examples[0])
		}
	}
	return nil
}

func (m *Main) sources(args []string) error {
	e, err := m.listing("sources", args)
	if err != nil {
		return err
	}
	for _, a := range e.Articles() {
		fmt.Fprintf(m.Stdout, "%s  %s\n", a.Source, a.Label())
		fmt.Fprintf(m.Stdout, "    publisher: %s  date: %s  author: %s  facts: %d\n", orDash(a.Publisher), orDash(a.Date), orDash(a.Author), a.Facts)
	}
	return nil
}

func (m *Main) timeline(args []string) error {
	e, err := m.listing("timeline", args)
	if err != nil {
		return err
	}
	for _, ev := range e.Timeline() {
		c := ev.Answer.Citations[0]
		fmt.Fprintf(m.Stdout, "%s (%s)\n    %s\n    — %s\n", ev.When, ev.Phrase, ev.Answer.Text, bot.CitationLine(c))
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
