package eval

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/khaldun/khaldun"
)

// reported returns the events a record asserts happened (or were said,
// threatened, planned): negated events are left out of every events score.
func reported(rec *khaldun.Record) []*khaldun.Event {
	var out []*khaldun.Event
	for i := range rec.Events {
		if !rec.Events[i].Negated {
			out = append(out, &rec.Events[i])
		}
	}
	return out
}

// actorCode is an actor's CAMEO-style code: Code, else country + sector.
func actorCode(a *khaldun.Actor) string {
	if a == nil {
		return ""
	}
	if a.Code != "" {
		return a.Code
	}
	return a.Country + a.Sector
}

// dyad writes an event coding as PETRARCH does: source, code, target.
func dyad(src, code, tgt string) string {
	return fmt.Sprintf("%s %s %s", orDash(src), orDash(code), orDash(tgt))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// multiMatch counts items present in both multisets and returns those
// left over on each side, in their original order.
func multiMatch(gold, pred []string) (hits int, missed, extra []string) {
	left := map[string]int{}
	for _, g := range gold {
		left[g]++
	}
	for _, p := range pred {
		if left[p] > 0 {
			left[p]--
			hits++
		} else {
			extra = append(extra, p)
		}
	}
	for _, g := range gold {
		if left[g] > 0 {
			left[g]--
			missed = append(missed, g)
		}
	}
	return hits, missed, extra
}

// scoreCAMEO scores complete codings as the PETRARCH test suites do: each
// expected event is a (source code, CAMEO code, target code) triple.
// Records expecting no events, or expecting to be rejected (a dateline,
// a parse failure, a discard word), pass when nothing is coded.
func scoreCAMEO(recs []coded) ([]Score, []Case) {
	var triples, codes PRF
	pass := 0
	var cases []Case
	for _, c := range recs {
		x := indexRecord(&c.rec)
		var gold, goldCodes []string
		for _, e := range c.item.Gold.Events {
			for _, s := range orNone(e.Source) {
				for _, t := range orNone(e.Target) {
					gold = append(gold, dyad(s.Code, e.CAMEO, t.Code))
				}
			}
			goldCodes = append(goldCodes, e.CAMEO)
		}
		var pred, predCodes []string
		for _, e := range reported(&c.rec) {
			pred = append(pred, dyad(actorCode(x.actors[e.Source]), e.CAMEO, actorCode(x.actors[e.Target])))
			predCodes = append(predCodes, e.CAMEO)
		}
		hits, missed, extra := multiMatch(gold, pred)
		triples.plus(PRF{Gold: len(gold), Pred: len(pred), GoldHit: hits, PredHit: hits})
		ch, _, _ := multiMatch(goldCodes, predCodes)
		codes.plus(PRF{Gold: len(goldCodes), Pred: len(predCodes), GoldHit: ch, PredHit: ch})
		if len(missed) == 0 && len(extra) == 0 {
			pass++
			continue
		}
		want := missed
		if c.item.Gold.Expect == "error" || c.item.Gold.Expect == "no_events" {
			want = []string{"(" + c.item.Gold.Expect + ": nothing coded)"}
		}
		cases = append(cases, Case{ID: c.item.Article.ID, Context: clip(c.item.Article.Text, 400),
			Expected: want, Produced: extra, Cost: len(missed) + len(extra)})
	}
	return []Score{
		{Name: "events", PRF: &triples},
		{Name: "cameo", PRF: &codes},
		{Name: "records_exact", Value: ratio(pass, len(recs)), N: len(recs)},
	}, cases
}

// orNone gives a one-element list for an event side without actors, so
// that the event still yields a triple.
func orNone(as []GoldActor) []GoldActor {
	if len(as) == 0 {
		return []GoldActor{{}}
	}
	return as
}

// actorMatches reports whether a coded actor is the gold actor by code:
// the gold code (an ISO country, or IGO, NGO and the like) is the
// actor's country, one of its sectors, or the start of its code.
func actorMatches(g GoldActor, a *khaldun.Actor) bool {
	if a == nil || g.Code == "" {
		return false
	}
	if a.Country == g.Code || strings.HasPrefix(a.Code, g.Code) {
		return true
	}
	return slices.Contains(sectors(a), g.Code)
}

// actorAt reports whether a coded actor has a mention overlapping the
// gold actor's span.
func actorAt(g GoldActor, a *khaldun.Actor) bool {
	if a == nil || g.Span == nil {
		return false
	}
	for _, m := range a.Mentions {
		if m.Overlaps(*g.Span) {
			return true
		}
	}
	return false
}

// scorePLOVER scores one gold PLOVER event per record. The type is
// scored as a set per record (P/R/F1). Source, target and mode are
// scored over the gold events whose type was found: right when one of
// the coded events of that type has a source (target) actor with the
// gold code ("_code") or with a mention on the gold span ("_span"), or
// has the gold mode.
func scorePLOVER(recs []coded) ([]Score, []Case) {
	var types PRF
	var srcCode, srcSpan, tgtCode, tgtSpan, mode [2]int // right, total
	var cases []Case
	for _, c := range recs {
		x := indexRecord(&c.rec)
		evs := reported(&c.rec)
		var predTypes []string
		for _, e := range evs {
			if !slices.Contains(predTypes, e.Type) {
				predTypes = append(predTypes, e.Type)
			}
		}
		var goldTypes []string
		for _, g := range c.item.Gold.Events {
			if !slices.Contains(goldTypes, g.PLOVER) {
				goldTypes = append(goldTypes, g.PLOVER)
			}
		}
		hits, missed, extra := multiMatch(goldTypes, predTypes)
		types.plus(PRF{Gold: len(goldTypes), Pred: len(predTypes), GoldHit: hits, PredHit: hits})
		var wrong []string
		for _, g := range c.item.Gold.Events {
			var same []*khaldun.Event
			for _, e := range evs {
				if e.Type == g.PLOVER {
					same = append(same, e)
				}
			}
			if len(same) == 0 {
				continue
			}
			side := func(gas []GoldActor, role string, byCode, bySpan *[2]int, pick func(*khaldun.Event) string) {
				if len(gas) == 0 {
					return
				}
				okCode, okSpan, hasSpan := false, false, false
				for _, ga := range gas {
					hasSpan = hasSpan || ga.Span != nil
					for _, e := range same {
						a := x.actors[pick(e)]
						okCode = okCode || actorMatches(ga, a)
						okSpan = okSpan || actorAt(ga, a)
					}
				}
				byCode[1]++
				if okCode {
					byCode[0]++
				} else {
					wrong = append(wrong, role+" "+goldActorsString(gas))
				}
				if hasSpan {
					bySpan[1]++
					if okSpan {
						bySpan[0]++
					}
				}
			}
			side(g.Source, "source", &srcCode, &srcSpan, func(e *khaldun.Event) string { return e.Source })
			side(g.Target, "target", &tgtCode, &tgtSpan, func(e *khaldun.Event) string { return e.Target })
			if g.Mode != "" {
				mode[1]++
				ok := false
				for _, e := range same {
					ok = ok || e.PLOVERMode == g.Mode
				}
				if ok {
					mode[0]++
				} else {
					wrong = append(wrong, "mode "+g.Mode)
				}
			}
		}
		if len(missed)+len(extra)+len(wrong) == 0 {
			continue
		}
		var want, got []string
		for _, g := range c.item.Gold.Events {
			want = append(want, fmt.Sprintf("%s source=%s target=%s mode=%s", g.PLOVER,
				goldActorsString(g.Source), goldActorsString(g.Target), orDash(g.Mode)))
		}
		for _, w := range wrong {
			want = append(want, "wrong "+w)
		}
		for _, e := range evs {
			got = append(got, fmt.Sprintf("%s source=%s target=%s mode=%s (cameo %s)", e.Type,
				orDash(actorCode(x.actors[e.Source])), orDash(actorCode(x.actors[e.Target])), orDash(e.PLOVERMode), orDash(e.CAMEO)))
		}
		cases = append(cases, Case{ID: c.item.Article.ID, Context: clip(c.item.Article.Text, 400),
			Expected: want, Produced: got, Cost: len(missed) + len(extra) + len(wrong)})
	}
	val := func(name string, v [2]int) Score { return Score{Name: name, Value: ratio(v[0], v[1]), N: v[1]} }
	return []Score{
		{Name: "type", PRF: &types},
		val("source_code", srcCode), val("source_span", srcSpan),
		val("target_code", tgtCode), val("target_span", tgtSpan),
		val("mode", mode),
	}, cases
}

func goldActorsString(as []GoldActor) string {
	if len(as) == 0 {
		return "-"
	}
	var s []string
	for _, a := range as {
		s = append(s, a.Code+a.Sector)
	}
	return strings.Join(s, "+")
}

// caseLabel is the CASE 2021 label of a record: the label of its most
// confident event that the crosswalk maps (the first in text order among
// equals); "" when none maps.
func caseLabel(cw *crosswalk, rec *khaldun.Record) string {
	x := indexRecord(rec)
	evs := reported(rec)
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Confidence > evs[j].Confidence })
	for _, e := range evs {
		if l := cw.label(e, x.actors[e.Source]); l != "" {
			return l
		}
	}
	return ""
}

// scoreCASE scores classification: accuracy (a record with no mapped
// event counts as wrong), coverage (records with a label), and precision,
// recall and F1 per label and macro-averaged over the labels seen.
func scoreCASE(recs []coded) ([]Score, []Case) {
	cw, err := caseCrosswalk()
	if err != nil {
		return []Score{{Name: "error: " + err.Error()}}, nil
	}
	per := map[string]*PRF{}
	count := func(l string) *PRF {
		if per[l] == nil {
			per[l] = &PRF{}
		}
		return per[l]
	}
	right, covered := 0, 0
	var cases []Case
	for _, c := range recs {
		got := caseLabel(cw, &c.rec)
		if got != "" {
			covered++
			count(got).Pred++
		}
		ok := false
		for _, g := range c.item.Gold.Labels {
			count(g).Gold++
			if g == got {
				ok = true
				count(g).hit()
			}
		}
		if ok {
			right++
			continue
		}
		var evs []string
		for _, e := range reported(&c.rec) {
			evs = append(evs, fmt.Sprintf("%s (cameo %s)", e.Type, orDash(e.CAMEO)))
		}
		cases = append(cases, Case{ID: c.item.Article.ID, Context: clip(c.item.Article.Text, 400),
			Expected: c.item.Gold.Labels, Produced: append([]string{"label " + orDash(got)}, evs...), Cost: 1})
	}
	labels := make([]string, 0, len(per))
	for l := range per {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	var macroP, macroR, macroF float64
	var scores []Score
	for _, l := range labels {
		c := *per[l]
		macroP += c.P()
		macroR += c.R()
		macroF += c.F1()
		scores = append(scores, Score{Name: l, PRF: &c})
	}
	n := float64(max(len(labels), 1))
	return append([]Score{
		{Name: "accuracy", Value: ratio(right, len(recs)), N: len(recs)},
		{Name: "coverage", Value: ratio(covered, len(recs)), N: len(recs)},
		{Name: "macro_p", Value: macroP / n, N: len(labels)},
		{Name: "macro_r", Value: macroR / n, N: len(labels)},
		{Name: "macro_f1", Value: macroF / n, N: len(labels)},
	}, scores...), cases
}

// policeLabels are the IndiaPoliceEvents labels khaldun can give.
var policeLabels = []string{"KILL", "ARREST", "FORCE", "ANY_ACTION"}

// scorePolice scores sentence labels: each gold sentence gets the labels
// of the events whose trigger (or, without one, whose sentence) starts in
// it, through the police crosswalk; P/R/F1 per label over sentences, and
// micro-averaged.
func scorePolice(recs []coded) ([]Score, []Case) {
	cw, err := policeCrosswalk()
	if err != nil {
		return []Score{{Name: "error: " + err.Error()}}, nil
	}
	per := map[string]*PRF{}
	for _, l := range policeLabels {
		per[l] = &PRF{}
	}
	var cases []Case
	for _, c := range recs {
		text := c.item.Article.Text
		x := indexRecord(&c.rec)
		sents := c.item.Gold.Sentences
		pred := make([][]string, len(sents))
		why := make([][]string, len(sents))
		for _, e := range reported(&c.rec) {
			pos := e.Trigger.Start
			if e.Trigger.Len() == 0 {
				pos = e.Sentence.Start
			}
			i := sort.Search(len(sents), func(i int) bool { return sents[i].End > pos })
			if i == len(sents) || sents[i].Start > pos {
				continue
			}
			ls := cw.labels(e, x.actors[e.Source])
			for _, l := range ls {
				if !slices.Contains(pred[i], l) {
					pred[i] = append(pred[i], l)
				}
			}
			if len(ls) > 0 {
				why[i] = append(why[i], fmt.Sprintf("%s by %s (cameo %s) → %s", quoted(text, e.Trigger),
					orDash(actorCode(x.actors[e.Source])), orDash(e.CAMEO), strings.Join(ls, ",")))
			}
		}
		for i, s := range sents {
			gold := c.item.Gold.SentenceLabels[i]
			var missed, extra []string
			for _, l := range policeLabels {
				g, p := slices.Contains(gold, l), slices.Contains(pred[i], l)
				if g {
					per[l].Gold++
				}
				if p {
					per[l].Pred++
				}
				switch {
				case g && p:
					per[l].hit()
				case g:
					missed = append(missed, l)
				case p:
					extra = append(extra, l)
				}
			}
			if len(missed)+len(extra) > 0 {
				got := append([]string{"labels " + orDash(strings.Join(pred[i], ","))}, why[i]...)
				cases = append(cases, Case{ID: c.item.Article.ID, Context: clip(s.In(text), 400),
					Expected: []string{"labels " + orDash(strings.Join(gold, ","))}, Produced: got,
					Cost: len(missed) + len(extra)})
			}
		}
	}
	var micro PRF
	var scores []Score
	for _, l := range policeLabels {
		c := *per[l]
		micro.plus(c)
		scores = append(scores, Score{Name: l, PRF: &c})
	}
	return append(scores, Score{Name: "micro", PRF: &micro}), cases
}
