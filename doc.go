// Package khaldun owns the vocabulary of the engine: the record types that
// travel from one pipeline stage to the next (Article, Span, Actor, Place,
// Event, Quote, Date, Record) and the interfaces between stages. It does no I/O.
package khaldun
