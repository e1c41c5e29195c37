package event

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Code is a CAMEO event code such as "051"; roots have two digits ("05").
type Code string

// String returns the code as written.
func (c Code) String() string { return string(c) }

// Type is a PLOVER event type such as CONSULT or ASSAULT.
type Type string

// String returns the type as written.
func (t Type) String() string { return string(t) }

// PLOVER event types, as used by the PLOVER gold standard this project is
// evaluated on. See data/README.md for the crosswalk from CAMEO.
const (
	Agree       Type = "AGREE"
	Consult     Type = "CONSULT"
	Support     Type = "SUPPORT"
	Concede     Type = "CONCEDE"
	Cooperate   Type = "COOPERATE"
	Aid         Type = "AID"
	Retreat     Type = "RETREAT"
	Investigate Type = "INVESTIGATE"
	Demand      Type = "DEMAND"
	Disapprove  Type = "DISAPPROVE"
	Reject      Type = "REJECT"
	Threaten    Type = "THREATEN"
	Protest     Type = "PROTEST"
	Mobilize    Type = "MOBILIZE"
	Sanction    Type = "SANCTION"
	Coerce      Type = "COERCE"
	Assault     Type = "ASSAULT"
	Fight       Type = "FIGHT"
)

// Types lists the PLOVER types in the order of the CAMEO roots they come from.
var Types = []Type{Agree, Consult, Support, Concede, Cooperate, Aid, Retreat,
	Investigate, Demand, Disapprove, Reject, Threaten, Protest, Mobilize,
	Sanction, Coerce, Assault, Fight}

// POLECAT returns the type in the sixteen-type variant of PLOVER used by
// POLECAT, which has REQUEST and ACCUSE and folds FIGHT into ASSAULT.
func (t Type) POLECAT() Type {
	switch t {
	case Demand:
		return "REQUEST"
	case Disapprove, Investigate:
		return "ACCUSE"
	case Fight:
		return Assault
	}
	return t
}

// Info describes one CAMEO event code.
type Info struct {
	Code      Code
	Name      string
	Goldstein float64 // Goldstein conflict-cooperation score, -10..+10
	Quad      int     // QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
	Type      Type    // PLOVER type; empty for bare statements (010-014, 017), which PLOVER does not code
	Mode      string  // event mode the code implies: "intention" for the 03 root, else empty
	Subtype   string  // PLOVER's type-specific mode where the code implies one ("visit", "firearms", ...)
}

type ontology struct {
	byCode map[Code]Info
	codes  []Code
	err    error
}

var (
	ontoOnce sync.Once
	onto     ontology
)

func loadOntology() *ontology {
	ontoOnce.Do(func() {
		b, err := dataFS.ReadFile("data/cameo.tsv")
		if err != nil {
			onto.err = fmt.Errorf("read cameo table: %w", err)
			return
		}
		onto.byCode, onto.codes, onto.err = parseCAMEO(b, "cameo.tsv")
	})
	return &onto
}

// parseCAMEO reads the tab-separated CAMEO table described in data/README.md.
func parseCAMEO(b []byte, name string) (map[Code]Info, []Code, error) {
	m := make(map[Code]Info)
	var codes []Code
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, nil, fmt.Errorf("%s:%d: want 7 tab-separated fields, got %d", name, n, len(f))
		}
		c := Code(f[0])
		if !validCode(c) {
			return nil, nil, fmt.Errorf("%s:%d: malformed code %q", name, n, f[0])
		}
		if _, dup := m[c]; dup {
			return nil, nil, fmt.Errorf("%s:%d: duplicate code %s", name, n, c)
		}
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil || g < -10 || g > 10 {
			return nil, nil, fmt.Errorf("%s:%d: goldstein score %q: want a number in -10..10", name, n, f[2])
		}
		q, err := strconv.Atoi(f[3])
		if err != nil || q < 1 || q > 4 {
			return nil, nil, fmt.Errorf("%s:%d: quad class %q: want 1..4", name, n, f[3])
		}
		m[c] = Info{Code: c, Name: f[1], Goldstein: g, Quad: q, Type: Type(f[4]), Mode: f[5], Subtype: f[6]}
		codes = append(codes, c)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, codes, nil
}

func validCode(c Code) bool {
	if len(c) < 2 || len(c) > 4 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return false
		}
	}
	return true
}

// Lookup returns what is known of a CAMEO code. Codes are written with their
// leading zero ("051", "0841"); roots have two digits ("05").
func Lookup(code Code) (Info, bool) {
	o := loadOntology()
	if o.err != nil {
		return Info{}, false
	}
	i, ok := o.byCode[code]
	return i, ok
}

// Codes returns every CAMEO code in the table, roots included, in table order.
func Codes() []Code {
	o := loadOntology()
	return append([]Code(nil), o.codes...)
}

// Root returns the two-digit root of a code ("0841" → "08"), or "" when the
// code is malformed.
func Root(code Code) Code {
	if !validCode(code) {
		return ""
	}
	return code[:2]
}

// ontologyErr reports a broken embedded table; tests call it.
func ontologyErr() error { return loadOntology().err }

// intentOf maps material and consultative codes to the 03 code that
// expresses the intent to do them.
var intentOf = map[Code]Code{
	"040": "036", "041": "036", "042": "036", "043": "036", "044": "036", "045": "039", "046": "036",
	"050": "032", "051": "032", "052": "032", "053": "032", "054": "032", "055": "032", "056": "032", "057": "030",
	"060": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
	"070": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "033",
	"080": "035", "081": "0351", "0811": "0351", "0812": "0351", "0813": "0351", "0814": "0351",
	"082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344",
	"084": "0353", "0841": "0353", "0842": "0353", "085": "0354",
	"086": "0355", "0861": "0355", "0862": "0355", "0863": "0355",
	"087": "0356", "0871": "0356", "0872": "0356", "0873": "0356", "0874": "0356",
}

// IntentCode returns the 03 code for the intent to do what code describes
// ("073" humanitarian aid → "0333"), for a coder that finds a cooperative
// act in the future or under a promise. Codes already in the 03 root map to
// themselves; codes with no intent counterpart report false.
func IntentCode(code Code) (Code, bool) {
	if Root(code) == "03" {
		return code, true
	}
	c, ok := intentOf[code]
	return c, ok
}
