package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"time"

	"github.com/khaldun/khaldun/coder"
	"github.com/khaldun/khaldun/eval"
)

const evalUsage = `usage: khaldun eval [flags] GOLD.jsonl ...

Codes the text of gold-standard files (entities, events, quotations,
toponyms, temporal expressions; the formats of ../shared/eval/README.md)
and prints, for each set, precision, recall, F1 and the other figures of
its task, then the worst errors with the sentence, what was expected and
what was produced. Sets coded with their own PETRARCH dictionaries find
them next to the gold file.

Example:
  khaldun eval ../shared/eval/*/dev.jsonl
  khaldun eval --set conll2003-test --errors 20 ../shared/eval/entities/dev.jsonl
  khaldun eval --json mine.jsonl

Flags:
`

func runEval(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, evalUsage)
		fs.PrintDefaults()
	}
	var cf coderFlags
	cf.register(fs)
	set := fs.String("set", "", "score only the set with this `NAME`")
	nErrors := fs.Int("errors", 5, "list the `N` worst errors of each set")
	asJSON := fs.Bool("json", false, "print one JSON object of figures per set")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of articles coded at once")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	var items []eval.Item
	for _, path := range fs.Args() {
		its, err := eval.LoadFile(path)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		items = append(items, its...)
	}
	began := time.Now()
	reports, err := eval.Run(ctx, items, eval.Options{
		Set:     *set,
		Errors:  *nErrors,
		Workers: *workers,
		NewCoder: func(dir string) (eval.Coder, error) {
			cfg := coder.Config{KBDir: cf.kbDir, LexiconDir: cf.lexDir, PetrarchDir: cf.petrarchDir}
			if dir != "" {
				cfg.PetrarchDir = dir
			}
			return coder.New(cfg)
		},
	})
	if err != nil {
		return err
	}
	e.log.Info("eval done", "records", len(items), "took", time.Since(began).Round(time.Millisecond))
	if *asJSON {
		err = eval.WriteJSON(e.stdout, reports)
	} else if err = eval.WriteFigures(e.stdout, reports); err == nil {
		err = eval.WriteErrors(e.stdout, reports)
	}
	if err != nil {
		return err
	}
	failed := 0
	for _, r := range reports {
		if r.Err != "" {
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("eval: %d of %d sets could not be scored", failed, len(reports))
	}
	return nil
}
