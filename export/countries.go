package export

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed data/countries.tsv
var countriesTSV []byte

// country is what GDELT's geography columns need of a country.
type country struct {
	FIPS, Name string
}

var (
	countriesOnce sync.Once
	countries     map[string]country
	countriesErr  error
)

// lookupCountry returns the FIPS 10-4 code and name of an ISO 3166
// alpha-3 code.
func lookupCountry(iso3 string) (country, bool) {
	countriesOnce.Do(func() { countries, countriesErr = parseCountries(countriesTSV, "data/countries.tsv") })
	c, ok := countries[iso3]
	return c, ok
}

// parseCountries reads iso3, fips, name rows; # starts a comment line.
func parseCountries(b []byte, name string) (map[string]country, error) {
	m := map[string]country{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || len(f[0]) != 3 || (f[1] != "" && len(f[1]) != 2) {
			return nil, fmt.Errorf("%s:%d: want iso3, fips, name", name, n)
		}
		m[f[0]] = country{FIPS: f[1], Name: f[2]}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}
