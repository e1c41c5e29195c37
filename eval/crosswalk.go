package eval

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/khaldun/khaldun"
)

//go:embed crosswalk/*.tsv
var crosswalkFS embed.FS

// crossRow is one line of a crosswalk file.
type crossRow struct {
	cameo  string // CAMEO prefix; empty for a PLOVER or toll row
	plover string // PLOVER type; empty for a CAMEO or toll row
	toll   string // "killed" or "wounded": events reporting such a toll
	source string // any, state, nonstate, police
	label  string
}

// crosswalk maps khaldun events to the labels of a classification set.
type crosswalk struct {
	rows []crossRow
}

var sourceConditions = map[string]bool{"any": true, "state": true, "nonstate": true, "police": true}

// parseCrosswalk reads a crosswalk file: tab-separated key (cameo:CODE,
// plover:TYPE or toll:killed|wounded), source condition and label; '#'
// starts a comment line.
func parseCrosswalk(name, data string) (*crosswalk, error) {
	cw := &crosswalk{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated fields, got %d", name, line, len(f))
		}
		var r crossRow
		kind, key, ok := strings.Cut(f[0], ":")
		switch {
		case !ok || key == "":
			return nil, fmt.Errorf("%s:%d: key %q is not cameo:CODE, plover:TYPE or toll:killed|wounded", name, line, f[0])
		case kind == "cameo":
			r.cameo = key
		case kind == "plover":
			r.plover = key
		case kind == "toll" && (key == "killed" || key == "wounded"):
			r.toll = key
		default:
			return nil, fmt.Errorf("%s:%d: key %q is not cameo:CODE, plover:TYPE or toll:killed|wounded", name, line, f[0])
		}
		if !sourceConditions[f[1]] {
			return nil, fmt.Errorf("%s:%d: unknown source condition %q", name, line, f[1])
		}
		if f[2] == "" {
			return nil, fmt.Errorf("%s:%d: empty label", name, line)
		}
		r.source, r.label = f[1], f[2]
		cw.rows = append(cw.rows, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return cw, nil
}

func loadCrosswalk(file string) func() (*crosswalk, error) {
	return sync.OnceValues(func() (*crosswalk, error) {
		b, err := crosswalkFS.ReadFile("crosswalk/" + file)
		if err != nil {
			return nil, fmt.Errorf("crosswalk: %w", err)
		}
		return parseCrosswalk(file, string(b))
	})
}

var (
	caseCrosswalk   = loadCrosswalk("case2021.tsv")
	policeCrosswalk = loadCrosswalk("police.tsv")
)

// label returns the one label of an event: the row with the longest
// matching CAMEO prefix (the first such row whose source condition
// holds), else the first matching PLOVER row; "" when none.
func (cw *crosswalk) label(ev *khaldun.Event, src *khaldun.Actor) string {
	best, bestLen := "", 0
	for _, r := range cw.rows {
		if r.cameo != "" && strings.HasPrefix(ev.CAMEO, r.cameo) && len(r.cameo) > bestLen && holds(r.source, src) {
			best, bestLen = r.label, len(r.cameo)
		}
	}
	if best != "" {
		return best
	}
	for _, r := range cw.rows {
		if r.plover != "" && r.plover == ev.Type && holds(r.source, src) {
			return r.label
		}
	}
	return ""
}

// labels returns every label of an event: all matching CAMEO and toll
// rows, or when none matches, all matching PLOVER rows. (label, for sets
// with one label per event, reads no toll rows.)
func (cw *crosswalk) labels(ev *khaldun.Event, src *khaldun.Actor) []string {
	var out []string
	add := func(l string) {
		for _, o := range out {
			if o == l {
				return
			}
		}
		out = append(out, l)
	}
	for _, r := range cw.rows {
		if (r.cameo != "" && strings.HasPrefix(ev.CAMEO, r.cameo) || r.toll != "" && tolled(ev, r.toll)) && holds(r.source, src) {
			add(r.label)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, r := range cw.rows {
		if r.plover != "" && r.plover == ev.Type && holds(r.source, src) {
			add(r.label)
		}
	}
	return out
}

// stateSectors are the sectors of actors that act for a state.
var stateSectors = map[string]bool{"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "SPY": true}

// policeWords name the police in an actor's name or roles.
var policeWords = []string{"police", "policeman", "policemen", "policewoman", "cop", "cops", "constable", "constables"}

// holds reports whether the source actor meets a row's condition.
// tolled reports whether the event reports people killed or wounded.
func tolled(ev *khaldun.Event, toll string) bool {
	if toll == "killed" {
		return ev.Killed > 0
	}
	return ev.Wounded > 0
}

func holds(cond string, a *khaldun.Actor) bool {
	switch cond {
	case "any":
		return true
	case "state", "nonstate":
		if a == nil {
			return false
		}
		state := false
		for _, s := range sectors(a) {
			state = state || stateSectors[s]
		}
		return state == (cond == "state")
	case "police":
		if a == nil {
			return false
		}
		for _, s := range sectors(a) {
			if s == "COP" {
				return true
			}
		}
		hay := a.Name + " " + strings.Join(a.Roles, " ")
		for _, w := range policeWords {
			if containsWord(hay, w) {
				return true
			}
		}
		return false
	}
	return false
}

// sectors lists an actor's sector codes: its Sector, and the three-letter
// groups of its CAMEO code after the country.
func sectors(a *khaldun.Actor) []string {
	var out []string
	if a.Sector != "" {
		out = append(out, a.Sector)
	}
	code := a.Code
	if a.Country != "" {
		code = strings.TrimPrefix(code, a.Country)
	} else if len(code) > 3 {
		code = code[3:]
	}
	for len(code) >= 3 {
		out = append(out, code[:3])
		code = code[3:]
	}
	return out
}
