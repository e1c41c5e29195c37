// Package article owns the reading of raw input into khaldun.Article values:
// it validates and decodes plain text, HTML pages and JSON Lines files, cleans
// the body text that every later offset points into, and fills in the title,
// publication date, dateline, source and licence.
//
// The body is cleaned without rewriting its words: line ends become "\n",
// non-breaking spaces become plain spaces, zero-width characters, the byte
// order mark and control characters are removed, and trailing whitespace is
// trimmed. Curly quotes, dashes and paragraph breaks are kept as written. A
// dateline stays at the head of the text; a licence statement and agency
// sign-offs at its end are removed.
//
// Problems are values: Read returns every article it could build together with
// one *Error per problem, and a problem with the publication date alone still
// yields the article, with Published left empty.
package article
