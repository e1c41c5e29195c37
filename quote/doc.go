// Package quote owns quotations: it finds what is reported as said in a news
// article — direct quotes in quote marks, indirect (reported) speech and
// mixed forms — and attributes each to the speaker named next to its cue.
//
// The cue words (say, tell, add, stress, according to, in a statement, ...)
// are data: data/cues.tsv is embedded and parsed once, and users can parse
// their own files with ParseLexicon and merge them with Add. Find works on
// byte offsets from the earlier stages: the sentence spans and the Refs (the
// spans the actor stage resolved to actors), and scans the text linearly.
package quote
