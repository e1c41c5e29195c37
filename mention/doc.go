// Package mention owns mentions: the spans of an annotated text that name
// people, organisations, groups, countries, nationalities and places, the
// titles and bodies attached to them, and the pronouns that refer to them.
package mention
