package kb

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// Kind says what an Entry names.
type Kind uint8

// Entry kinds.
const (
	KindCountry Kind = iota + 1 // a country or territory
	KindDemonym                 // an adjective or people noun of a country: "Iranian", "Iranians"
	KindPlace                   // a populated place or an administrative region
	KindOrg                     // an international organisation, a national body, a news medium
	KindGroup                   // an armed or non-state group
	KindPerson                  // a well-known person
	KindRole                    // a title or a body: "foreign minister", "army"
)

var kindNames = [...]string{"", "country", "demonym", "place", "org", "group", "person", "role"}

// String returns the kind's lower-case name.
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return "unknown"
}

// Place features.
const (
	FeatureCapital = "capital" // a national capital
	FeatureSeat    = "seat"    // the seat of a first-level region (a city)
	FeatureCity    = "city"    // any other populated place
	FeatureAdmin1  = "admin1"  // a first-level administrative region
	FeatureAdmin2  = "admin2"  // a second-level administrative region
)

// PersonRole is one dated role of a known person.
type PersonRole struct {
	Title   string // "president", "prime minister"
	Country string // ISO3, or an organisation code
	Sector  string // CAMEO sector: GOV, MIL, ...
	From    string // YYYY-MM-DD, YYYY-MM or YYYY; "" when unknown
	To      string // same forms; "" while the role is held
}

// Entry is one thing a key names. Fields that do not apply to its kind are
// zero.
type Entry struct {
	Kind    Kind
	Name    string // canonical display name: "Islamic State", "Deir ez-Zor", "Iran"
	Country string // ISO3; for an IGO its own code
	Sector  string // CAMEO sector: GOV MIL REB OPP MED BUS CVL IGO COP JUD ...
	Code    string // CAMEO-style actor code where known

	// Places.
	GeoNames   int // GeoNames id; 0 when the source had none
	Lat, Lon   float64
	Population int
	Feature    string // FeatureCapital, FeatureSeat, FeatureCity, FeatureAdmin1, FeatureAdmin2
	Admin1     string // name of the first-level region the place lies in

	// People.
	Roles []PersonRole
}

// RoleAt returns the person's roles held on date (YYYY-MM-DD); a role whose
// bounds are unknown counts as held.
func (e Entry) RoleAt(date string) []PersonRole {
	var out []PersonRole
	for _, r := range e.Roles {
		if (r.From == "" || r.From <= date) && (r.To == "" || date < r.To) {
			out = append(out, r)
		}
	}
	return out
}

// ActiveAround reports whether the person held a listed role within years
// of date (YYYY-MM-DD): whether a bare surname in a story of that date can
// mean them. A person without dated roles is always active.
func (e Entry) ActiveAround(date string, years int) bool {
	if date == "" || len(e.Roles) == 0 {
		return true
	}
	y, err := strconv.Atoi(date[:min(4, len(date))])
	if err != nil {
		return true
	}
	lo, hi := strconv.Itoa(y-years), strconv.Itoa(y+years)
	for _, r := range e.Roles {
		if (r.From == "" || r.From[:4] <= hi) && (r.To == "" || r.To[:4] >= lo) {
			return true
		}
	}
	return false
}

// Adjective returns the word that names the country before a noun: its
// demonym ("Syrian army"), else its name ("Tuvalu police").
func (c Country) Adjective() string {
	if c.Demonym != "" {
		return c.Demonym
	}
	return c.Name
}

// office returns the office a title names: its role's Office, else the
// normalised title.
func (k *KB) office(title string) string {
	key := Normalize(title)
	if r, ok := k.Role(key); ok && r.Office != "" {
		return Normalize(r.Office)
	}
	return key
}

// Incumbents returns the people who held the office a title names for a
// country on date (YYYY-MM-DD), with the role by which they held it: "the
// Iranian foreign minister" on 2017-06-01. Roles without a start date are
// not counted: who held them when is not known.
func (k *KB) Incumbents(title, country, date string) []Incumbent {
	if date == "" {
		return nil
	}
	var out []Incumbent
	for _, in := range k.offices[officeKey(country, k.office(title))] {
		if in.Role.From <= date && (in.Role.To == "" || date < in.Role.To) {
			out = append(out, in)
		}
	}
	return out
}

// officeKey keys the holders of an office in a country.
func officeKey(country, office string) string { return country + "|" + office }

// Incumbent is a person and the role by which they held an office.
type Incumbent struct {
	Person Entry
	Role   PersonRole
}

// Role is a title or body and the sector it implies.
type Role struct {
	Name   string // the title as listed: "deputy foreign minister", "army"
	Sector string // CAMEO sector
	Person bool   // a title for a person ("minister"), not a body ("army")
	// Office is the office the title names when it differs from the
	// title: "foreign secretary" and "secretary of state" name the foreign
	// minister's office. Empty means the title itself.
	Office string
}

// Country is the national record of one country or territory.
type Country struct {
	ISO3, ISO2 string
	Name       string
	Demonym    string // the adjective news uses: "Syrian"; "" when none is listed
	Capital    string
	CapitalLat float64
	CapitalLon float64
	Lat, Lon   float64 // a central point of the country's places
}

// KB is the loaded knowledge base. It is read-only after loading and safe
// for concurrent use. Slices it returns are shared: callers must not
// modify them.
type KB struct {
	byKey     map[string]int32 // key → index in lists
	lists     [][]Entry
	roles     map[string]Role
	modifiers map[string]bool
	countries map[string]Country
	places    []Entry                // every place, in file order
	offices   map[string][]Incumbent // by officeKey: the dated roles that held each office
	byID      map[int]int32
	maxWords  int

	// first maps the first word of every key and role to the number of
	// words in the longest key it starts.
	first map[string]int

	// extra and extraRoles hold what Extend adds on top, looked up first.
	extra      map[string][]Entry
	extraRoles map[string]Role
}

// Extend returns a knowledge base that finds entries and roles, keyed by
// name, before those of k; k itself is unchanged and shared. Names are
// normalised here. It is how dictionaries in other formats (PETRARCH's
// actors and agents) are layered over the embedded data.
func (k *KB) Extend(entries map[string][]Entry, roles map[string]Role) *KB {
	n := *k
	n.first = make(map[string]int, len(k.first)+len(entries)+len(roles))
	for w, c := range k.first {
		n.first[w] = c
	}
	n.extra = make(map[string][]Entry, len(k.extra)+len(entries))
	for key, es := range k.extra {
		n.extra[key] = es
	}
	for name, es := range entries {
		key := Normalize(name)
		if key == "" {
			continue
		}
		n.extra[key] = append(append([]Entry(nil), es...), n.extra[key]...)
		n.noteKey(key)
	}
	n.extraRoles = make(map[string]Role, len(k.extraRoles)+len(roles))
	for key, r := range k.extraRoles {
		n.extraRoles[key] = r
	}
	for name, r := range roles {
		key := Normalize(name)
		if key == "" {
			continue
		}
		n.extraRoles[key] = r
		n.noteKey(key)
	}
	return &n
}

// Lookup returns every entry whose key is key (already Normalize()d), of
// any kind: countries, demonyms, organisations, groups and people first,
// then places by importance (national capital, then the seat of an admin1
// region or a city of a million, then an admin1 region, then by population).
func (k *KB) Lookup(key string) []Entry {
	if es, ok := k.extra[key]; ok {
		if i, ok := k.byKey[key]; ok {
			return append(append([]Entry(nil), es...), k.lists[i]...)
		}
		return es
	}
	if i, ok := k.byKey[key]; ok {
		return k.lists[i]
	}
	return nil
}

// MaxWords returns the number of words in the longest key, the window a
// greedy longest-match needs.
func (k *KB) MaxWords() int { return k.maxWords }

// Role looks up a title or body by normalised key ("deputy foreign
// minister", "army"). A title with leading modifiers that do not change its
// sector ("senior", "former", "top") is found when the title without them
// is listed.
func (k *KB) Role(key string) (Role, bool) {
	if r, ok := k.extraRoles[key]; ok {
		return r, true
	}
	if r, ok := k.roles[key]; ok {
		return r, true
	}
	for {
		i := strings.IndexByte(key, ' ')
		if i < 0 || !k.modifiers[key[:i]] {
			return Role{}, false
		}
		key = key[i+1:]
		if r, ok := k.extraRoles[key]; ok {
			return r, true
		}
		if r, ok := k.roles[key]; ok {
			return r, true
		}
	}
}

// IsModifier reports whether the normalised word or phrase is a role
// modifier that does not change the sector ("senior", "deputy", "former").
func (k *KB) IsModifier(key string) bool { return k.modifiers[key] }

// Country returns the country with ISO 3166 alpha-3 code iso3.
func (k *KB) Country(iso3 string) (Country, bool) {
	c, ok := k.countries[iso3]
	return c, ok
}

// Place returns the place with GeoNames id geonames.
func (k *KB) Place(geonames int) (Entry, bool) {
	i, ok := k.byID[geonames]
	if !ok {
		return Entry{}, false
	}
	return k.places[i], true
}

// Places returns every place in the gazetteer.
func (k *KB) Places() []Entry { return k.places }

// Nearest returns the places within radiusKm of (lat, lon), nearest first.
func (k *KB) Nearest(lat, lon, radiusKm float64) []Entry {
	type hit struct {
		d float64
		i int
	}
	var hits []hit
	// A degree of latitude is about 111 km: skip far places cheaply.
	dlat := radiusKm/111.0 + 0.01
	for i := range k.places {
		p := &k.places[i]
		if math.Abs(p.Lat-lat) > dlat {
			continue
		}
		if d := DistanceKm(lat, lon, p.Lat, p.Lon); d <= radiusKm {
			hits = append(hits, hit{d, i})
		}
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].d < hits[b].d })
	out := make([]Entry, len(hits))
	for j, h := range hits {
		out[j] = k.places[h.i]
	}
	return out
}

// DistanceKm returns the great-circle distance between two points.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp := p2 - p1
	dl := (lon2 - lon1) * math.Pi / 180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// noteKey records a key's first word and length.
func (k *KB) noteKey(key string) {
	w := strings.Count(key, " ") + 1
	if w > k.maxWords {
		k.maxWords = w
	}
	head := key
	if i := strings.IndexByte(key, ' '); i >= 0 {
		head = key[:i]
	}
	if w > k.first[head] {
		k.first[head] = w
	}
}

// Starts returns the number of words in the longest key or role that
// begins with the normalised word w, or 0 when none does: a cheap test
// before trying longer keys.
func (k *KB) Starts(w string) int { return k.first[w] }
