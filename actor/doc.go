// Package actor owns resolution: it turns the mentions of one article into
// one actor per person, organisation, group or country and one place per
// gazetteer entry, and resolves surnames, descriptions ("the security
// official") and pronouns to them.
package actor
