// Package petrarch owns the reading of PETRARCH-2 and TABARI dictionaries
// (actors, agents, verbs with their synsets and patterns, discards) into
// typed values, so that users of those coders can bring their dictionaries
// over unchanged.
//
// Load finds the four files in a directory by name; ParseActors,
// ParseAgents, ParseVerbs and ParseDiscards read one file each. Dict.Entries
// converts the verb patterns that the event lexicon can express into
// event.Entry values, and Dict.Unconverted says which it could not and why.
package petrarch
