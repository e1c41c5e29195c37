// Command khaldun reads news articles and writes structured, verifiable
// records: events, quotations, actors and places, each traceable to the
// span of text it came from.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "khaldun:", err)
		}
		os.Exit(1)
	}
}

// env is what every subcommand gets: its streams and a logger.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
}

// command is one subcommand: a one-line summary and the function that runs it.
type command struct {
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// errUsage means usage text has been printed already.
var errUsage = errors.New("usage")

func commands() map[string]command {
	return map[string]command{
		"code":     {"code articles and write one JSON record per article", runCode},
		"eval":     {"measure quality against gold sets", runEval},
		"export":   {"write events as GDELT TSV, PLOVER JSON, CSV, JSON Lines or Parquet", runExport},
		"cluster":  {"group events that several articles report; write clusters as JSON Lines", runCluster},
		"kb":       {"look names up in the knowledge base; import a GeoNames dump", runKB},
		"ingest":   {"read, code and store articles (files, dirs, JSONL, HTML, feeds, WARC)", runIngest},
		"events":   {"list stored events, with filters", queryCommand("events")},
		"quotes":   {"list stored quotations, with filters and full-text search", queryCommand("quotes")},
		"actors":   {"list stored actors across articles", queryCommand("actors")},
		"articles": {"list or search stored articles", queryCommand("articles")},
		"errors":   {"list the articles ingest could not read", queryCommand("errors")},
		"recode":   {"code stored articles again after the knowledge base or lexicons changed", runRecode},
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr,
		log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stderr, cmds)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	c, ok := cmds[args[0]]
	if !ok {
		usage(stderr, cmds)
		return fmt.Errorf("unknown command %q", args[0])
	}
	return c.run(ctx, e, args[1:])
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: khaldun COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'khaldun COMMAND -h' for the flags of one command.")
}
