package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/khaldun/khaldun/kb"
	"github.com/khaldun/khaldun/kb/geonames"
)

const kbUsage = `usage: khaldun kb SUBCOMMAND [flags] [args]

Looks names up in the knowledge base and builds user knowledge-base
directories (given to 'khaldun code --kb DIR').

Subcommands:
  lookup NAME            what a name resolves to, most likely first
  import-geonames FILE   build places.tsv from a GeoNames dump

Example:
  khaldun kb lookup --date 2015-06-01 "Iranian foreign minister"
  khaldun kb lookup Tripoli
  khaldun kb import-geonames --admin1 admin1CodesASCII.txt -o ~/kb cities1000.txt
`

func runKB(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(e.stderr, kbUsage)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	switch args[0] {
	case "lookup":
		return runKBLookup(ctx, e, args[1:])
	case "import-geonames":
		return runKBImport(ctx, e, args[1:])
	}
	fmt.Fprint(e.stderr, kbUsage)
	return fmt.Errorf("kb: unknown subcommand %q", args[0])
}

const lookupUsage = `usage: khaldun kb lookup [flags] NAME

Prints every entry NAME resolves to — countries, demonyms, organisations,
armed groups, people, titles and places — most likely first, with kind,
canonical name, country, sector, code, coordinates, population, feature,
GeoNames id and, for people, the roles held on --date. A title with
modifiers ("former deputy foreign minister") is found through its base
title. A country or nationality and a title ("Iranian foreign minister",
"Turkey's president") give who held that office on --date (today when no
date is given), as the coder resolves such a title in an article
published that day. Flags may come before or after NAME.

Example:
  khaldun kb lookup "Deir Ezzor"
  khaldun kb lookup --date 2010-03-01 --json Medvedev
  khaldun kb lookup --date 2017-06-01 "Iranian foreign minister"

Flags:
`

// candidate is one entry a name resolves to, as lookup prints it.
type candidate struct {
	Name       string          `json:"name"`
	Kind       string          `json:"kind"`
	Country    string          `json:"country,omitempty"`
	Sector     string          `json:"sector,omitempty"`
	Code       string          `json:"code,omitempty"`
	Lat        float64         `json:"lat"`
	Lon        float64         `json:"lon"`
	Population int             `json:"population,omitempty"`
	Feature    string          `json:"feature,omitempty"`
	Admin1     string          `json:"admin1,omitempty"`
	GeoNames   int             `json:"geonames,omitempty"`
	Roles      []kb.PersonRole `json:"roles,omitempty"`
	Score      int             `json:"score"`
	Why        string          `json:"why"`
}

// lookupResult is the JSON answer of lookup.
type lookupResult struct {
	Query      string      `json:"query"`
	Key        string      `json:"key"`
	Date       string      `json:"date,omitempty"`
	Candidates []candidate `json:"candidates"`
	Context    string      `json:"context,omitempty"`
}

func runKBLookup(_ context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("kb lookup", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	date := fs.String("date", "", "list the roles people held on `YYYY-MM-DD` (default: every role)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	kbDir := fs.String("kb", "", "directory of knowledge-base files to add to the embedded ones")
	fs.Usage = func() { fmt.Fprint(e.stderr, lookupUsage); fs.PrintDefaults() }
	words, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	if len(words) == 0 {
		fs.Usage()
		return errUsage
	}
	if *date != "" {
		if _, err := time.Parse("2006-01-02", *date); err != nil {
			return fmt.Errorf("kb lookup: --date %q: want YYYY-MM-DD", *date)
		}
	}
	k, err := loadKB(*kbDir)
	if err != nil {
		return err
	}
	res := lookup(k, strings.Join(words, " "), *date)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	return printLookup(e.stdout, res)
}

// parseInterleaved parses flags that may come before, between or after the
// positional arguments, and returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func loadKB(dir string) (*kb.KB, error) {
	if dir == "" {
		return kb.Load()
	}
	return kb.LoadWithDir(dir)
}

// lookup gathers the entries name resolves to, scored and ordered.
func lookup(k *kb.KB, name, date string) lookupResult {
	key := kb.Normalize(name)
	res := lookupResult{Query: name, Key: key, Date: date, Candidates: []candidate{}}
	es := k.Lookup(key)
	hasRole := false
	places, rank := 0, 0
	for _, en := range es {
		if en.Kind == kb.KindPlace {
			places++
		}
	}
	for _, en := range es {
		c := candidate{Name: en.Name, Kind: en.Kind.String(), Country: en.Country, Sector: en.Sector,
			Code: en.Code, Lat: en.Lat, Lon: en.Lon, Population: en.Population, Feature: en.Feature,
			Admin1: en.Admin1, GeoNames: en.GeoNames, Roles: en.Roles}
		switch en.Kind {
		case kb.KindPlace:
			c.Score, c.Why = placeScore(en, rank)
			rank++
		case kb.KindPerson:
			c.Score, c.Why = 100, "a known person"
			if date != "" {
				c.Roles = en.RoleAt(date)
				if len(c.Roles) == 0 {
					c.Score, c.Why = 80, "a known person, holding none of the listed roles on "+date
				} else {
					c.Why = "a known person, in office on " + date
					c.Sector, c.Country = c.Roles[0].Sector, c.Roles[0].Country
				}
			}
		case kb.KindRole:
			hasRole = true
			c.Score, c.Why = 100, "a title or body"
		default:
			c.Score, c.Why = 100, "a name of a "+en.Kind.String()
		}
		if en.Kind == kb.KindCountry {
			c.Lat, c.Lon = en.Lat, en.Lon
		}
		res.Candidates = append(res.Candidates, c)
	}
	if !hasRole {
		if r, ok := k.Role(key); ok {
			why := "a title or body"
			if kb.Normalize(r.Name) != key {
				why = "the title " + r.Name + " with modifiers that keep its sector"
			}
			res.Candidates = append(res.Candidates, candidate{Name: r.Name, Kind: kb.KindRole.String(),
				Sector: r.Sector, Score: 100, Why: why})
		}
	}
	if len(res.Candidates) == 0 {
		res.Candidates = append(res.Candidates, officeHolders(k, key, date)...)
	}
	sort.SliceStable(res.Candidates, func(i, j int) bool { return res.Candidates[i].Score > res.Candidates[j].Score })
	if places > 1 {
		res.Context = "In an article the coder chooses among these places by context: a candidate gains for " +
			"lying in a country the article names or is datelined in, in a region it names or that follows " +
			"the name (\"Tripoli, Lebanon\", \"Paris, Texas\"), and for lying near places it names without " +
			"ambiguity; without context the order above (capital, city of a million or regional seat, " +
			"region, population) decides."
	}
	return res
}

// officeHolders reads key as a country or nationality and a title —
// "iranian foreign minister", "turkey president" — and returns who held
// that office on date (today when no date is given), as the coder resolves
// such a title in an article published that day.
func officeHolders(k *kb.KB, key, date string) []candidate {
	if date == "" {
		date = time.Now().UTC().Format("2006-01-02")
	}
	words := strings.Fields(key)
	for n := 1; n < len(words) && n <= 3; n++ {
		var cc string
		who := strings.Join(words[:n], " ")
		for _, en := range append(k.Lookup(who), k.Lookup(strings.TrimSuffix(who, "s"))...) { // "russia's" is "russias"
			if en.Kind == kb.KindCountry || en.Kind == kb.KindDemonym {
				cc = en.Country
				break
			}
		}
		title := strings.Join(words[n:], " ")
		if r, ok := k.Role(title); cc == "" || !ok || !r.Person {
			continue
		}
		var out []candidate
		for _, in := range k.Incumbents(title, cc, date) {
			en := in.Person
			out = append(out, candidate{Name: en.Name, Kind: en.Kind.String(), Country: in.Role.Country,
				Sector: in.Role.Sector, Score: 100, Roles: []kb.PersonRole{in.Role},
				Why: in.Role.Title + " of " + cc + " on " + date})
		}
		return out
	}
	return nil
}

// placeScore is the part of a place's score that does not depend on the
// article: its rank in the gazetteer's order and its size.
func placeScore(e kb.Entry, rank int) (int, string) {
	s := 0
	var why []string
	switch rank {
	case 0:
		s += 30
		why = append(why, "first in the gazetteer's order")
	case 1:
		s += 10
		why = append(why, "second in the gazetteer's order")
	}
	switch {
	case e.Feature == kb.FeatureCapital:
		why = append(why, "a national capital")
	case e.Feature == kb.FeatureSeat:
		why = append(why, "the seat of "+orDefault(e.Admin1, "a region"))
	case e.Feature == kb.FeatureAdmin1:
		why = append(why, "a first-level region")
	case e.Feature == kb.FeatureAdmin2:
		why = append(why, "a second-level region")
	}
	switch {
	case e.Population >= 1000000:
		s += 20
		why = append(why, "a million people or more")
	case e.Population >= 100000:
		s += 10
		why = append(why, "100,000 people or more")
	case e.Feature == kb.FeatureAdmin1:
		s += 10
	}
	if len(why) == 0 {
		why = append(why, "a smaller place")
	}
	return s, strings.Join(why, "; ")
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func printLookup(w io.Writer, res lookupResult) error {
	var b strings.Builder
	if len(res.Candidates) == 0 {
		fmt.Fprintf(&b, "%q (key %q): not in the knowledge base\n", res.Query, res.Key)
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "%q (key %q): %d entries\n", res.Query, res.Key, len(res.Candidates))
	for i, c := range res.Candidates {
		fmt.Fprintf(&b, "%2d. %-7s %s", i+1, c.Kind, c.Name)
		if c.Country != "" {
			fmt.Fprintf(&b, "  country=%s", c.Country)
		}
		if c.Sector != "" {
			fmt.Fprintf(&b, "  sector=%s", c.Sector)
		}
		if c.Code != "" {
			fmt.Fprintf(&b, "  code=%s", c.Code)
		}
		fmt.Fprintf(&b, "  score=%d\n", c.Score)
		if c.Kind == "place" {
			fmt.Fprintf(&b, "    %s, %s; %.4f,%.4f; population %d; GeoNames %d\n",
				c.Feature, orDefault(c.Admin1, "-"), c.Lat, c.Lon, c.Population, c.GeoNames)
		}
		for _, r := range c.Roles {
			fmt.Fprintf(&b, "    %s (%s %s) %s to %s\n", r.Title, r.Country, r.Sector,
				orDefault(r.From, "?"), orDefault(r.To, "now"))
		}
		if c.Kind == "person" && res.Date != "" && len(c.Roles) == 0 {
			fmt.Fprintf(&b, "    no listed role on %s\n", res.Date)
		}
		fmt.Fprintf(&b, "    why: %s\n", c.Why)
	}
	if res.Context != "" {
		fmt.Fprintf(&b, "\n%s\n", res.Context)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

const importUsage = `usage: khaldun kb import-geonames [flags] FILE

Builds places.tsv (places.tsv.gz when large) in a user knowledge-base
directory from a GeoNames dump the user downloaded from
https://download.geonames.org/export/dump/ (allCountries.txt,
cities1000.txt, cities500.txt, a country file such as SY.txt). Populated
places and first- and second-level regions are kept; give --admin1 for the
names of first-level regions, --admin2 for those of second-level regions
(admin2Codes.txt: a region without a row of its own in the dump is placed
at the mean position of its places) and --alternate for English alternate
names.
The directory is then given to 'khaldun code --kb DIR'; its places are
added to the embedded gazetteer (a GeoNames id already there is replaced).
GeoNames data is licensed CC BY 4.0: credit it where you publish results.

Example:
  khaldun kb import-geonames --admin1 admin1CodesASCII.txt \
      --admin2 admin2Codes.txt --alternate alternateNamesV2.txt -o ~/khaldun-kb cities1000.txt
  khaldun code --kb ~/khaldun-kb story.txt

Flags:
`

func runKBImport(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("kb import-geonames", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	admin1 := fs.String("admin1", "", "GeoNames `admin1CodesASCII.txt` (names of first-level regions)")
	admin2 := fs.String("admin2", "", "GeoNames `admin2Codes.txt` (names of second-level regions)")
	alternate := fs.String("alternate", "", "GeoNames `alternateNamesV2.txt` (English and Latin-script alternate names)")
	out := fs.String("o", ".", "output `DIR`")
	minPop := fs.Int("min-pop", 1000, "keep cities of at least this `population` (capitals, regional seats and regions always)")
	keepUnknown := fs.Bool("keep-unknown", false, "keep cities whose population the dump does not give")
	gzipOver := fs.Int("gzip-over", 15<<20, "write places.tsv.gz when places.tsv would exceed this many `bytes`")
	fs.Usage = func() { fmt.Fprint(e.stderr, importUsage); fs.PrintDefaults() }
	files, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	if len(files) != 1 {
		fs.Usage()
		return errUsage
	}
	k, err := kb.Load()
	if err != nil {
		return err
	}
	iso := make(map[string]string, 256)
	for _, c := range k.Countries() {
		if c.ISO2 != "" {
			iso[c.ISO2] = c.ISO3
		}
	}
	places, err := geonames.ReadTable(files[0])
	if err != nil {
		return fmt.Errorf("kb import-geonames: %w", err)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	names := map[string]string{}
	if *admin1 != "" {
		if names, err = geonames.ReadAdmin(*admin1); err != nil {
			return fmt.Errorf("kb import-geonames: %w", err)
		}
	}
	var names2 map[string]string
	if *admin2 != "" {
		if names2, err = geonames.ReadAdmin(*admin2); err != nil {
			return fmt.Errorf("kb import-geonames: %w", err)
		}
	}
	if *alternate != "" {
		if err := geonames.AddAlternates(*alternate, places); err != nil {
			return fmt.Errorf("kb import-geonames: %w", err)
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	w, err := geonames.WritePlaces(*out, places, names, iso,
		geonames.Options{MinPop: *minPop, KeepUnknown: *keepUnknown, GzipOver: *gzipOver, Admin2: names2})
	if err != nil {
		return fmt.Errorf("kb import-geonames: %w", err)
	}
	fmt.Fprintf(e.stderr, "khaldun: %d places read from %s, %d written to %s (%d first-level regions, %d second-level regions made from their places)\n",
		len(places), files[0], w.Places, w.Path, w.Regions, w.Admin2)
	return nil
}
