// Package event owns the event ontology and the verb lexicon: every CAMEO
// event code with its name, Goldstein score, QuadClass and PLOVER type, and
// the English predicates (verbs, phrases and nominal triggers) that express
// them.
//
// The ontology is read from the embedded data/cameo.tsv and looked up with
// Lookup and Root. The lexicon is read from the embedded data/verbs.tsv,
// data/nouns.tsv and data/inflections.tsv (see data/README.md for the
// formats); LoadLexiconDir adds a user's own files on top. Match finds the
// longest lexicon entry that fires at a word of a sentence, and Lemma turns an
// inflected verb into the lemma the lexicon is keyed by.
//
// The coder that turns sentences into events lives in this package too, but
// it only consumes what is defined here.
package event
