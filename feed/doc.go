// Package feed owns the reading of news feeds: RSS 2.0, RSS 1.0 (RDF) and
// Atom documents turned into their items, each with its title, link,
// publication date and content.
package feed
