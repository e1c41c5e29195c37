package kb

import (
	"bytes"
	"compress/gzip"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

//go:embed data
var embedded embed.FS

// The data files, in the order they are read. A place alias names a place,
// so places come before place aliases.
const (
	fileCountries     = "countries.tsv"
	filePlaces        = "places.tsv"
	filePlaceAliases  = "place_aliases.tsv"
	fileOrgs          = "orgs.tsv"
	fileGroups        = "groups.tsv"
	fileRoles         = "roles.tsv"
	fileRoleModifiers = "role_modifiers.tsv"
	filePeople        = "people.tsv"
	fileCentroids     = "centroids.tsv"
)

// Files lists the names of the data files a KB is built from; a user
// directory may hold any of them (places.tsv also as places.tsv.gz).
var Files = []string{fileCountries, filePlaces, filePlaceAliases, fileOrgs, fileGroups, fileRoles, fileRoleModifiers, filePeople, fileCentroids}

// Load builds the knowledge base from the embedded data. It parses every
// file on each call: callers load once and share the result.
func Load() (*KB, error) {
	b, err := embeddedBuilder()
	if err != nil {
		return nil, err
	}
	return b.finish(), nil
}

// embeddedBuilder is a builder holding the embedded data.
func embeddedBuilder() (*builder, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, fmt.Errorf("kb: embedded data: %w", err)
	}
	b := newBuilder()
	if err := b.addFS(sub, "data", true); err != nil {
		return nil, err
	}
	return b, nil
}

// LoadWithDir builds the knowledge base from the embedded data and then
// the files found in dir, which have the same names and formats and add
// to (and, for countries, roles and people, extend or replace) the
// embedded entries. Errors name file:line.
func LoadWithDir(dir string) (*KB, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("kb: user directory: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("kb: user directory %s: not a directory", dir)
	}
	b, err := embeddedBuilder()
	if err != nil {
		return nil, err
	}
	if err := b.addFS(os.DirFS(dir), dir, false); err != nil {
		return nil, err
	}
	return b.finish(), nil
}

// builder accumulates entries from one or more sources of files.
type builder struct {
	admin1  map[string][]int // country|region key → admin1 places, built for centroids
	kb      *KB
	entries []Entry // non-place entries with their keys
	keys    [][]string
	people  map[string]int // person name → index in entries

	placeLists [][]int32 // key index → indexes in kb.places
}

func newBuilder() *builder {
	return &builder{
		kb: &KB{
			byKey:     make(map[string]int32, 1<<17),
			roles:     make(map[string]Role, 512),
			modifiers: make(map[string]bool, 64),
			countries: make(map[string]Country, 256),
			byID:      make(map[int]int32, 1<<18),
		},
		people: make(map[string]int),
	}
}

// addFS reads every data file present in fsys; when required, each must be
// present.
func (b *builder) addFS(fsys fs.FS, label string, required bool) error {
	for _, name := range Files {
		data, path, err := readData(fsys, name)
		if errors.Is(err, fs.ErrNotExist) && (!required || name == fileCentroids) {
			continue
		}
		if err != nil {
			return fmt.Errorf("kb: %s: %w", filepath.Join(label, name), err)
		}
		src := filepath.Join(label, path)
		if err := b.addFile(name, src, data); err != nil {
			return err
		}
	}
	return nil
}

// readData reads name from fsys, or name.gz decompressed.
func readData(fsys fs.FS, name string) (string, string, error) {
	b, err := fs.ReadFile(fsys, name)
	if err == nil {
		return string(b), name, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", name, err
	}
	gz, err2 := fs.ReadFile(fsys, name+".gz")
	if err2 != nil {
		return "", name, err // report the plain name as missing
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return "", name + ".gz", err
	}
	var out strings.Builder
	out.Grow(len(gz) * 4)
	if _, err := io.Copy(&out, zr); err != nil {
		return "", name + ".gz", err
	}
	return out.String(), name + ".gz", nil
}

// lineError names the file and line of a bad record.
type lineError struct {
	File string
	Line int
	Err  error
}

func (e *lineError) Error() string { return fmt.Sprintf("kb: %s:%d: %v", e.File, e.Line, e.Err) }
func (e *lineError) Unwrap() error { return e.Err }

// eachRecord calls fn with the tab-separated fields of every record line in
// data: blank lines and lines starting with '#' are skipped. Missing
// trailing fields are empty; a line with more than n fields is an error.
func eachRecord(src, data string, n int, fn func(f []string) error) error {
	f := make([]string, n)
	line := 0
	for len(data) > 0 {
		line++
		var l string
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, ""
		}
		l = strings.TrimSuffix(l, "\r")
		if l == "" || l[0] == '#' {
			continue
		}
		k := 0
		for {
			i := strings.IndexByte(l, '\t')
			if k == n {
				return &lineError{src, line, fmt.Errorf("more than %d fields", n)}
			}
			if i < 0 {
				f[k] = strings.TrimSpace(l)
				k++
				break
			}
			f[k] = strings.TrimSpace(l[:i])
			l = l[i+1:]
			k++
		}
		for ; k < n; k++ {
			f[k] = ""
		}
		if err := fn(f); err != nil {
			return &lineError{src, line, err}
		}
	}
	return nil
}

func (b *builder) addFile(name, src, data string) error {
	switch name {
	case fileCountries:
		return eachRecord(src, data, 10, b.country)
	case filePlaces:
		n := len(b.kb.places) + strings.Count(data, "\n") + 1
		if cap(b.kb.places) < n {
			b.kb.places = append(make([]Entry, 0, n), b.kb.places...)
		}
		return eachRecord(src, data, 10, b.place)
	case filePlaceAliases:
		return eachRecord(src, data, 5, b.placeAlias)
	case fileOrgs:
		return eachRecord(src, data, 5, func(f []string) error { return b.actor(KindOrg, f) })
	case fileGroups:
		return eachRecord(src, data, 5, func(f []string) error { return b.actor(KindGroup, f) })
	case fileRoles:
		return eachRecord(src, data, 4, b.role)
	case fileRoleModifiers:
		return eachRecord(src, data, 1, b.modifier)
	case filePeople:
		return eachRecord(src, data, 7, b.person)
	case fileCentroids:
		return eachRecord(src, data, 5, b.centroid)
	}
	return fmt.Errorf("kb: %s: unknown data file", src)
}

// split returns the '|'-separated values of a list field.
func split(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseFloat(s, what string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%s %q: not a number", what, s)
	}
	return v, nil
}

func parseLatLon(lat, lon string) (float64, float64, error) {
	la, err := parseFloat(lat, "latitude")
	if err != nil {
		return 0, 0, err
	}
	lo, err := parseFloat(lon, "longitude")
	if err != nil {
		return 0, 0, err
	}
	if la < -90 || la > 90 || lo < -180 || lo > 180 {
		return 0, 0, fmt.Errorf("coordinates %s,%s out of range", lat, lon)
	}
	return la, lo, nil
}

func isCode(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// countries.tsv: iso3 iso2 name aliases demonyms capital capital_lat capital_lon lat lon
func (b *builder) country(f []string) error {
	if !isCode(f[0], 3) {
		return fmt.Errorf("iso3 %q: want three capital letters", f[0])
	}
	if f[1] != "" && !isCode(f[1], 2) {
		return fmt.Errorf("iso2 %q: want two capital letters", f[1])
	}
	if f[2] == "" {
		return errors.New("country name is empty")
	}
	clat, clon, err := parseLatLon(f[6], f[7])
	if err != nil {
		return err
	}
	lat, lon, err := parseLatLon(f[8], f[9])
	if err != nil {
		return err
	}
	var demonym string
	if ds := split(f[4]); len(ds) > 0 {
		demonym = ds[0]
	}
	b.kb.countries[f[0]] = Country{ISO3: f[0], ISO2: f[1], Name: f[2], Demonym: demonym, Capital: f[5],
		CapitalLat: clat, CapitalLon: clon, Lat: lat, Lon: lon}
	e := Entry{Kind: KindCountry, Name: f[2], Country: f[0], Code: f[0], Lat: lat, Lon: lon}
	b.add(e, append([]string{f[2]}, split(f[3])...))
	for _, d := range split(f[4]) {
		b.add(Entry{Kind: KindDemonym, Name: d, Country: f[0], Code: f[0]}, []string{d})
	}
	return nil
}

// places.tsv: geonames name ascii country admin1 feature population lat lon aliases
func (b *builder) place(f []string) error {
	id := 0
	if f[0] != "" {
		v, err := strconv.Atoi(f[0])
		if err != nil || v < 0 {
			return fmt.Errorf("geonames id %q: not a number", f[0])
		}
		id = v
	}
	if f[1] == "" {
		return errors.New("place name is empty")
	}
	if f[3] != "" && !isCode(f[3], 3) {
		return fmt.Errorf("country %q: want an ISO3 code", f[3])
	}
	switch f[5] {
	case FeatureCity, FeatureSeat, FeatureCapital, FeatureAdmin1, FeatureAdmin2:
	default:
		return fmt.Errorf("feature %q: want city, seat, capital, admin1 or admin2", f[5])
	}
	pop := 0
	if f[6] != "" {
		v, err := strconv.Atoi(f[6])
		if err != nil || v < 0 {
			return fmt.Errorf("population %q: not a number", f[6])
		}
		pop = v
	}
	lat, lon, err := parseLatLon(f[7], f[8])
	if err != nil {
		return err
	}
	e := Entry{Kind: KindPlace, Name: f[1], Country: f[3], GeoNames: id, Lat: lat, Lon: lon,
		Population: pop, Feature: f[5], Admin1: f[4]}
	idx, ok := b.kb.byID[id]
	if id != 0 && ok { // a later file replaces the place
		b.kb.places[idx] = e
	} else {
		idx = int32(len(b.kb.places))
		b.kb.places = append(b.kb.places, e)
		if id != 0 {
			b.kb.byID[id] = idx
		}
	}
	keys := []string{f[1]}
	if f[2] != "" {
		keys = append(keys, f[2])
	}
	keys = append(keys, split(f[9])...)
	if arabic[f[3]] {
		keys = arabicVariants(keys)
	}
	b.addPlaceKeys(idx, keys)
	return nil
}

// arabic holds the countries whose place names are romanised Arabic.
var arabic = map[string]bool{
	"ARE": true, "BHR": true, "DZA": true, "EGY": true, "ESH": true, "IRQ": true, "JOR": true,
	"KWT": true, "LBN": true, "LBY": true, "MAR": true, "MRT": true, "OMN": true, "PSE": true,
	"QAT": true, "SAU": true, "SDN": true, "SYR": true, "TUN": true, "YEM": true,
}

// articles are romanisations of the Arabic definite article, assimilated
// or not ("Ar Raqqah", "As Suwayda'", "Al Bab", "El Arish").
var articles = map[string]bool{
	"al": true, "ar": true, "as": true, "ad": true, "an": true, "at": true, "az": true,
	"ash": true, "ath": true, "adh": true, "el": true, "er": true, "es": true, "ed": true,
	"en": true, "et": true, "ez": true,
}

// arabicVariants adds to names the forms English news uses for romanised
// Arabic names: without the leading article or with it written "al", and
// with a final "ah" written "a" ("Ar Raqqah" → "raqqah", "al raqqah",
// "raqqa", "al raqqa").
func arabicVariants(names []string) []string {
	out := names
	for _, n := range names {
		k := Normalize(n)
		bases := []string{k}
		if i := strings.IndexByte(k, ' '); i > 0 && articles[k[:i]] {
			rest := k[i+1:]
			bases = append(bases, rest, "al "+rest)
		}
		for _, v := range bases {
			if v != k {
				out = append(out, v)
			}
			if strings.HasSuffix(v, "ah") && len(v) > 4 {
				out = append(out, v[:len(v)-1])
			}
		}
	}
	return out
}

// place_aliases.tsv: alias name country geonames
func (b *builder) placeAlias(f []string) error {
	if f[0] == "" {
		return errors.New("alias is empty")
	}
	i, err := b.findPlace(f[1], f[2], f[3])
	if err != nil {
		return err
	}
	b.addPlaceKeys(i, []string{f[0]})
	switch f[4] {
	case "":
	case "display":
		// the alias is the name English-language news uses today
		b.kb.places[i].Name = f[0]
	default:
		return fmt.Errorf("fifth field is %q, want empty or \"display\"", f[4])
	}
	return nil
}

// findPlace resolves a place by GeoNames id, or else by name, country and
// feature (id may name a feature instead: "admin1"), choosing the most
// important of several.
func (b *builder) findPlace(name, country, id string) (int32, error) {
	feature := ""
	switch id {
	case FeatureAdmin1, FeatureAdmin2, FeatureCity, FeatureSeat, FeatureCapital:
		// the most important place of that name with this feature: "N.Y."
		// is the state
		feature, id = id, ""
	}
	if id != "" {
		v, err := strconv.Atoi(id)
		if err != nil {
			return 0, fmt.Errorf("geonames id %q: not a number", id)
		}
		i, ok := b.kb.byID[v]
		if !ok {
			return 0, fmt.Errorf("geonames id %d: no such place", v)
		}
		return i, nil
	}
	var ids []int32
	if ki, ok := b.kb.byKey[Normalize(name)]; ok && int(ki) < len(b.placeLists) {
		ids = b.placeLists[ki]
	}
	best := int32(-1)
	for _, i := range ids {
		p := &b.kb.places[i]
		if country != "" && p.Country != country || feature != "" && p.Feature != feature {
			continue
		}
		if best < 0 || placeLess(p, &b.kb.places[best]) {
			best = i
		}
	}
	if best < 0 {
		return 0, fmt.Errorf("place %q in %q: no such place", name, country)
	}
	return best, nil
}

// orgs.tsv and groups.tsv: name aliases country sector code
func (b *builder) actor(kind Kind, f []string) error {
	if f[0] == "" {
		return errors.New("name is empty")
	}
	e := Entry{Kind: kind, Name: f[0], Country: f[2], Sector: f[3], Code: f[4]}
	b.add(e, append([]string{f[0]}, split(f[1])...))
	return nil
}

// roles.tsv: role sector person(yes|no) [office]
func (b *builder) role(f []string) error {
	if f[0] == "" || f[1] == "" {
		return errors.New("role and sector must not be empty")
	}
	var person bool
	switch f[2] {
	case "yes":
		person = true
	case "no":
	default:
		return fmt.Errorf("person %q: want yes or no", f[2])
	}
	key := Normalize(f[0])
	if _, dup := b.kb.roles[key]; !dup {
		b.add(Entry{Kind: KindRole, Name: f[0], Sector: f[1]}, []string{f[0]})
	}
	b.kb.roles[key] = Role{Name: f[0], Sector: f[1], Person: person, Office: f[3]}
	return nil
}

// role_modifiers.tsv: modifier
func (b *builder) modifier(f []string) error {
	if f[0] == "" {
		return errors.New("modifier is empty")
	}
	b.kb.modifiers[Normalize(f[0])] = true
	return nil
}

// people.tsv: name aliases title country sector from to; several lines of
// one name give one person with several roles.
func (b *builder) person(f []string) error {
	if f[0] == "" {
		return errors.New("name is empty")
	}
	for _, d := range []string{f[5], f[6]} {
		if !validDate(d) {
			return fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", d)
		}
	}
	if f[5] != "" && f[6] != "" && f[6] < f[5] {
		return fmt.Errorf("role ends (%s) before it starts (%s)", f[6], f[5])
	}
	i, ok := b.people[f[0]]
	if !ok {
		i = len(b.entries)
		b.people[f[0]] = i
		b.entries = append(b.entries, Entry{Kind: KindPerson, Name: f[0]})
		b.keys = append(b.keys, []string{Normalize(f[0])})
	}
	for _, a := range split(f[1]) {
		b.keys[i] = append(b.keys[i], Normalize(a))
	}
	e := &b.entries[i]
	if f[2] != "" || f[3] != "" || f[4] != "" {
		e.Roles = append(e.Roles, PersonRole{Title: f[2], Country: f[3], Sector: f[4], From: f[5], To: f[6]})
	}
	return nil
}

func validDate(d string) bool {
	if d == "" {
		return true
	}
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	switch len(d) {
	case 4:
		return digits(d)
	case 7:
		return digits(d[:4]) && d[4] == '-' && digits(d[5:])
	case 10:
		return digits(d[:4]) && d[4] == '-' && digits(d[5:7]) && d[7] == '-' && digits(d[8:])
	}
	return false
}

// add records a non-place entry under the normalised forms of names.
func (b *builder) add(e Entry, names []string) {
	keys := make([]string, 0, len(names))
	for _, n := range names {
		keys = append(keys, Normalize(n))
	}
	b.entries = append(b.entries, e)
	b.keys = append(b.keys, keys)
}

// keyIndex returns the index of key's list, adding an empty one when key
// is new.
func (b *builder) keyIndex(key string) int32 {
	if i, ok := b.kb.byKey[key]; ok {
		return i
	}
	i := int32(len(b.placeLists))
	b.kb.byKey[key] = i
	b.placeLists = append(b.placeLists, nil)
	return i
}

// addPlaceKeys records names of place i.
func (b *builder) addPlaceKeys(i int32, names []string) {
	for _, n := range names {
		k := Normalize(n)
		if k == "" {
			continue
		}
		ki := b.keyIndex(k)
		list := b.placeLists[ki]
		dup := false
		for _, j := range list {
			if j == i {
				dup = true
				break
			}
		}
		if !dup {
			b.placeLists[ki] = append(list, i)
		}
	}
}

// tier ranks a place's feature for ordering: lower is more important.
func tier(p *Entry) int {
	switch {
	case p.Feature == FeatureCapital:
		return 0
	case p.Feature == FeatureSeat || p.Feature == FeatureCity && p.Population >= 1000000:
		return 1
	case p.Feature == FeatureAdmin1:
		return 2
	case p.Feature == FeatureAdmin2:
		// a bare name means the town before the district named like it
		return 4
	}
	return 3
}

// placeLess orders places by importance.
func placeLess(a, b *Entry) bool {
	if ta, tb := tier(a), tier(b); ta != tb {
		return ta < tb
	}
	if a.Population != b.Population {
		return a.Population > b.Population
	}
	return a.GeoNames < b.GeoNames
}

// finish builds the key index.
func (b *builder) finish() *KB {
	k := b.kb
	k.offices = map[string][]Incumbent{}
	// Non-place entries by key index, in file order.
	other := make(map[int32][]int32, len(b.entries)*2)
	for i := range b.entries {
		e := &b.entries[i]
		if e.Kind == KindPerson && len(e.Roles) > 0 {
			// The person's country and sector are those of the latest role.
			last := e.Roles[0]
			for _, r := range e.Roles[1:] {
				if r.To == "" || (last.To != "" && r.To > last.To) {
					last = r
				}
			}
			e.Country, e.Sector = last.Country, last.Sector
			for _, r := range e.Roles {
				if r.From != "" { // who held an undated role when is not known
					key := officeKey(r.Country, k.office(r.Title))
					k.offices[key] = append(k.offices[key], Incumbent{Person: *e, Role: r})
				}
			}
		}
		for j, key := range b.keys[i] {
			if key == "" || slices.Contains(b.keys[i][:j], key) {
				continue
			}
			ki := b.keyIndex(key)
			other[ki] = append(other[ki], int32(i))
		}
	}
	k.lists = make([][]Entry, len(b.placeLists))
	for ki, ids := range b.placeLists {
		if len(ids) > 1 {
			slices.SortFunc(ids, func(x, y int32) int {
				if placeLess(&k.places[x], &k.places[y]) {
					return -1
				}
				if placeLess(&k.places[y], &k.places[x]) {
					return 1
				}
				return 0
			})
		}
		ents := other[int32(ki)]
		out := make([]Entry, 0, len(ents)+len(ids))
		for _, i := range ents {
			out = append(out, b.entries[i])
		}
		for _, i := range ids {
			out = append(out, k.places[i])
		}
		k.lists[ki] = out
	}
	k.first = make(map[string]int, len(k.byKey)/2)
	for key := range k.byKey {
		k.noteKey(key)
	}
	for key := range k.roles {
		k.noteKey(key)
	}
	return k
}

// centroid sets the representative point of a country or a first-level
// region: the point gazetteers give it, rather than the median of its
// places. Fields: kind (country or admin1), country, name, lat, lon.
func (b *builder) centroid(f []string) error {
	lat, lon, err := parseLatLon(f[3], f[4])
	if err != nil {
		return err
	}
	switch f[0] {
	case "country":
		c, ok := b.kb.countries[f[1]]
		if !ok {
			return fmt.Errorf("unknown country %q", f[1])
		}
		c.Lat, c.Lon = lat, lon
		b.kb.countries[f[1]] = c
		for i := range b.entries {
			if e := &b.entries[i]; e.Kind == KindCountry && e.Country == f[1] {
				e.Lat, e.Lon = lat, lon
			}
		}
	case "admin1":
		if b.admin1 == nil {
			b.admin1 = map[string][]int{}
			for i := range b.kb.places {
				if p := &b.kb.places[i]; p.Feature == FeatureAdmin1 {
					k := p.Country + "|" + Normalize(p.Name)
					b.admin1[k] = append(b.admin1[k], i)
				}
			}
		}
		ids := b.admin1[f[1]+"|"+Normalize(f[2])]
		if len(ids) == 0 {
			return fmt.Errorf("no first-level region %q in %s", f[2], f[1])
		}
		for _, i := range ids {
			b.kb.places[i].Lat, b.kb.places[i].Lon = lat, lon
		}
	default:
		return fmt.Errorf("kind %q: want country or admin1", f[0])
	}
	return nil
}
