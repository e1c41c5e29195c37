package eval

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/khaldun/khaldun"
)

// Coder is what is measured: anything that turns an article into a record.
// *coder.Coder satisfies it. It must be safe for concurrent use.
type Coder interface {
	Code(khaldun.Article) khaldun.Record
}

// Options says what Run measures and how.
type Options struct {
	// Set keeps only the records of the set with this name; empty for all.
	Set string
	// Errors is how many of the worst cases each report lists.
	Errors int
	// Workers is the number of articles coded at once; 0 for one per CPU.
	Workers int
	// NewCoder builds the coder for one PETRARCH dictionary directory (""
	// for the coder's own lexicons). It is called once per directory.
	NewCoder func(petrarchDir string) (Coder, error)
}

// coded is one gold item with what the coder made of it.
type coded struct {
	item *Item
	rec  khaldun.Record
}

// scorer scores the coded records of one set: its figures, and every
// case of disagreement.
type scorer func(recs []coded) ([]Score, []Case)

var scorers = map[Task]scorer{
	TaskEntities: scoreEntities,
	TaskCAMEO:    scoreCAMEO,
	TaskPLOVER:   scorePLOVER,
	TaskCASE:     scoreCASE,
	TaskPolice:   scorePolice,
	TaskQuotes:   scoreQuotes,
	TaskToponyms: scoreToponyms,
	TaskTimex:    scoreTimex,
}

// Run codes every item and scores it against its gold, returning one
// report per set in the order the sets first appear.
func Run(ctx context.Context, items []Item, opt Options) ([]Report, error) {
	if opt.NewCoder == nil {
		return nil, errors.New("eval: no coder")
	}
	var keep []*Item
	for i := range items {
		if opt.Set == "" || items[i].Set == opt.Set {
			keep = append(keep, &items[i])
		}
	}
	if len(keep) == 0 {
		if opt.Set != "" {
			return nil, fmt.Errorf("eval: no records of set %q", opt.Set)
		}
		return nil, nil
	}
	// A coder that cannot be built fails its sets only.
	coders := map[string]Coder{}
	failed := map[string]error{}
	var order []string
	seen := map[string]bool{}
	var codable []*Item
	for _, it := range keep {
		if !seen[it.Set] {
			seen[it.Set] = true
			order = append(order, it.Set)
		}
		_, ok := coders[it.PetrarchDir]
		if _, bad := failed[it.PetrarchDir]; !ok && !bad {
			c, err := opt.NewCoder(it.PetrarchDir)
			if err != nil {
				failed[it.PetrarchDir] = err
			} else {
				coders[it.PetrarchDir] = c
			}
		}
		if coders[it.PetrarchDir] != nil {
			codable = append(codable, it)
		}
	}
	recs, err := codeAll(ctx, codable, coders, opt.Workers)
	if err != nil {
		return nil, err
	}
	bySet := map[string][]coded{}
	for _, c := range recs {
		bySet[c.item.Set] = append(bySet[c.item.Set], c)
	}
	reports := make([]Report, 0, len(order))
	for _, set := range order {
		if len(bySet[set]) == 0 {
			r := Report{Set: set}
			for _, it := range keep {
				if it.Set == set {
					r.Task = it.Task
					// Name the dictionaries by their folder, so that the
					// message does not depend on where the gold lives.
					msg := failed[it.PetrarchDir].Error()
					if it.PetrarchDir != "" {
						msg = strings.ReplaceAll(msg, it.PetrarchDir, filepath.Base(it.PetrarchDir))
					}
					r.Err = "no coder: " + msg
					break
				}
			}
			reports = append(reports, r)
			continue
		}
		reports = append(reports, score(set, bySet[set], opt.Errors))
	}
	return reports, nil
}

// score builds the report of one set.
func score(set string, all []coded, nErrors int) Report {
	r := Report{Set: set, Task: all[0].item.Task}
	var recs []coded
	for _, c := range all {
		if c.item.Gold.Skip != "" {
			r.Skipped++
			continue
		}
		if c.rec.Text != c.item.Article.Text {
			r.TextChanged++
		}
		recs = append(recs, c)
	}
	r.Records = len(recs)
	var cases []Case
	r.Scores, cases = scorers[r.Task](recs)
	r.Errors = worst(cases, nErrors)
	return r
}

// codeAll codes the articles with a pool of workers, keeping input order.
func codeAll(ctx context.Context, items []*Item, coders map[string]Coder, workers int) ([]coded, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]coded, len(items))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				it := items[i]
				out[i] = coded{item: it, rec: coders[it.PetrarchDir].Code(it.Article)}
			}
		}()
	}
	var err error
feed:
	for i := range items {
		select {
		case next <- i:
		case <-ctx.Done():
			err = fmt.Errorf("eval: %w", ctx.Err())
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	return out, nil
}

// actorIndex finds a record's actors and places by id.
type actorIndex struct {
	actors map[string]*khaldun.Actor
	places map[string]*khaldun.Place
}

func indexRecord(rec *khaldun.Record) actorIndex {
	x := actorIndex{actors: map[string]*khaldun.Actor{}, places: map[string]*khaldun.Place{}}
	for i := range rec.Actors {
		x.actors[rec.Actors[i].ID] = &rec.Actors[i]
	}
	for i := range rec.Places {
		x.places[rec.Places[i].ID] = &rec.Places[i]
	}
	return x
}
