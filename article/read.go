package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
)

// MaxArticleBytes is the largest input accepted for one article: a whole text
// or HTML file, or one line of a JSON Lines file.
const MaxArticleBytes = 10 << 20

// Input formats accepted by Options.Format.
const (
	FormatText  = "text"
	FormatHTML  = "html"
	FormatJSONL = "jsonl"
)

// Problems reported by Read, FromText and FromHTML; test for them with errors.Is.
var (
	ErrEmpty     = errors.New("empty")
	ErrBinary    = errors.New("binary file")
	ErrTooLarge  = errors.New("too large")
	ErrUTF8      = errors.New("invalid utf-8")
	ErrPublished = errors.New("unrecognised published date")
	ErrJSON      = errors.New("invalid json")
	ErrFormat    = errors.New("unknown format")
)

// Options holds what the caller knows about the input beyond its bytes.
type Options struct {
	// Published, Source, URL and License are given to every article read.
	// In a JSON Lines file a line's own field wins over these. Published is
	// normalised to YYYY-MM-DD and License to an SPDX id where recognised.
	Published, Source, URL, License string
	// Format is "text", "html" or "jsonl"; "" detects it from the file name
	// and, failing that, from the content.
	Format string
}

// Error is one problem with one article: the file, the line for JSON Lines
// (0 otherwise), the article id when known, and the problem.
type Error struct {
	File string
	Line int
	ID   string
	Err  error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(e.Line))
	}
	if e.ID != "" {
		fmt.Fprintf(&b, ": article %q", e.ID)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Read parses the bytes of one input file called name ("-" for standard
// input). A JSON Lines file yields one article per non-empty line; a text or
// HTML file yields one. Every problem comes back in errs as an *Error naming
// the file (and line); the good articles still come back in arts, in input
// order. An article whose only problem is its published date is returned
// with Published empty, and the problem is reported in errs.
//
// The article id is the line's "id" field, else the file's base name without
// its extension ("stdin" for "-"), followed for JSON Lines by "-" and the
// line number.
func Read(name string, data []byte, opt Options) (arts []khaldun.Article, errs []error) {
	format, err := detectFormat(name, data, opt.Format)
	if err != nil {
		return nil, []error{&Error{File: name, Err: err}}
	}
	id := baseID(name)
	if format == FormatJSONL {
		return readJSONL(name, id, data, opt)
	}
	var a khaldun.Article
	if format == FormatHTML {
		a, err = FromHTML(id, data, opt)
	} else {
		if err := checkBytes(data); err != nil {
			return nil, []error{&Error{File: name, ID: id, Err: err}}
		}
		a, err = FromText(id, string(data), opt)
	}
	if err != nil {
		errs = append(errs, &Error{File: name, ID: id, Err: err})
		if !usable(a, err) {
			return nil, errs
		}
	}
	return []khaldun.Article{a}, errs
}

// usable reports whether an article returned together with err can still be
// used: only a published-date problem leaves it whole.
func usable(a khaldun.Article, err error) bool {
	return err == nil || (errors.Is(err, ErrPublished) && a.Text != "")
}

// baseID is the article id a file's name gives.
func baseID(name string) string {
	if name == "" || name == "-" {
		return "stdin"
	}
	base := filepath.Base(name)
	if base == "." || base == string(filepath.Separator) {
		return "stdin"
	}
	base = strings.TrimSuffix(base, ".gz")
	if e := path.Ext(base); e != base {
		base = strings.TrimSuffix(base, e)
	}
	return base
}

// detectFormat settles the input format from the option, the file name or
// the content, in that order.
func detectFormat(name string, data []byte, format string) (string, error) {
	switch strings.ToLower(format) {
	case FormatText, "txt":
		return FormatText, nil
	case FormatHTML, "htm":
		return FormatHTML, nil
	case FormatJSONL, "ndjson":
		return FormatJSONL, nil
	case "":
	default:
		return "", fmt.Errorf("%w %q: want text, html or jsonl", ErrFormat, format)
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".jsonl", ".ndjson":
		return FormatJSONL, nil
	case ".html", ".htm", ".xhtml":
		return FormatHTML, nil
	case ".txt", ".text":
		return FormatText, nil
	}
	return sniff(data), nil
}

// sniff guesses the format of data from its first bytes.
func sniff(data []byte) string {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) > 0 && head[0] == '{' {
		line, _, _ := bytes.Cut(data, []byte("\n"))
		line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		if json.Valid(bytes.TrimSpace(line)) {
			return FormatJSONL
		}
	}
	if len(head) > 0 && head[0] == '<' {
		lower := bytes.ToLower(head)
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<article", "<meta", "<title", "<!--"} {
			if bytes.Contains(lower, []byte(tag)) {
				return FormatHTML
			}
		}
	}
	return FormatText
}

// line is one record of a JSON Lines file.
type line struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
	Title     string          `json:"title"`
	Published string          `json:"published"`
	Source    string          `json:"source"`
	URL       string          `json:"url"`
	License   string          `json:"license"`
}

func readJSONL(name, base string, data []byte, opt Options) (arts []khaldun.Article, errs []error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []error{&Error{File: name, Err: ErrEmpty}}
	}
	offset := 0
	for n := 1; offset < len(data); n++ {
		raw := data[offset:]
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			raw = raw[:i+1]
		}
		start := offset
		offset += len(raw)
		raw = bytes.TrimRight(raw, "\r\n")
		if n == 1 {
			if b := bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")); len(b) != len(raw) {
				start += len(raw) - len(b)
				raw = b
			}
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		fail := func(id string, err error) { errs = append(errs, &Error{File: name, Line: n, ID: id, Err: err}) }
		if err := checkLine(raw, start); err != nil {
			fail("", err)
			continue
		}
		var l line
		if err := json.Unmarshal(raw, &l); err != nil {
			fail("", fmt.Errorf("%w: %w", ErrJSON, err))
			continue
		}
		id, err := lineID(l.ID)
		if err != nil {
			fail("", err)
			continue
		}
		if id == "" {
			id = base + "-" + strconv.Itoa(n)
		}
		o := Options{
			Published: firstOf(l.Published, opt.Published),
			Source:    firstOf(l.Source, opt.Source),
			URL:       firstOf(l.URL, opt.URL),
			License:   firstOf(l.License, opt.License),
		}
		var a khaldun.Article
		switch {
		case l.Text != nil && strings.TrimSpace(*l.Text) != "":
			a, err = fromText(id, *l.Text, o, false)
		case l.HTML != nil && strings.TrimSpace(*l.HTML) != "":
			a, err = FromHTML(id, []byte(*l.HTML), o)
		default:
			err = fmt.Errorf("%w: no text or html", ErrEmpty)
		}
		if err == nil || usable(a, err) {
			if l.Title != "" {
				a.Title = cleanTitle(l.Title)
			}
			arts = append(arts, a)
		}
		if err != nil {
			fail(id, err)
		}
	}
	return arts, errs
}

// checkLine validates one raw JSON line, which starts at byte start of its
// file, before decoding: encoding/json would silently replace bad UTF-8.
func checkLine(raw []byte, start int) error {
	if len(raw) > MaxArticleBytes {
		return fmt.Errorf("%w: line is %d bytes, limit %d", ErrTooLarge, len(raw), MaxArticleBytes)
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return ErrBinary
	}
	if off := badUTF8(raw); off >= 0 {
		return fmt.Errorf("%w at byte %d of the file", ErrUTF8, start+off)
	}
	return nil
}

// lineID reads an id given as a JSON string or number.
func lineID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("%w: id must be a string or a number, got %.40s", ErrJSON, raw)
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
