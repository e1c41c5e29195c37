// Package coder owns the pipeline that turns one article into one record:
// text layer, mentions, actors and places, dates, events and quotations,
// stage after stage.
package coder
