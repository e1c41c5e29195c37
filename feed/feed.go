package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Feed is one feed document.
type Feed struct {
	Title string
	Items []Item
}

// Item is one entry of a feed.
type Item struct {
	// ID is the item's guid (RSS) or id (Atom); Link when it has none.
	ID    string
	Title string
	// Link is the URL of the full story.
	Link string
	// Published is the publication (or, failing that, update) date as
	// YYYY-MM-DD, or "" when the feed gives none that can be read.
	Published string
	// Content is the item's body as HTML: the full content when the feed
	// carries it, else the description or summary.
	Content string
}

// ErrNotFeed is returned for a well-formed XML document that is not RSS or Atom.
var ErrNotFeed = errors.New("not an rss or atom feed")

// Sniff reports whether data looks like a feed: an rss, feed or rdf:RDF
// root element near the start.
func Sniff(data []byte) bool {
	head := data[:min(len(data), 1024)]
	for _, root := range []string{"<rss", "<feed", "<rdf:RDF"} {
		if bytes.Contains(head, []byte(root)) {
			return true
		}
	}
	return false
}

type link struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Text string `xml:",chardata"`
}

type text struct {
	Type  string `xml:"type,attr"`
	Chars string `xml:",chardata"`
	Inner string `xml:",innerxml"`
}

// body returns an Atom text construct as HTML.
func (t text) body() string {
	switch t.Type {
	case "xhtml":
		return strings.TrimSpace(t.Inner)
	case "html":
		return strings.TrimSpace(t.Chars)
	}
	return escape(strings.TrimSpace(t.Chars))
}

func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

type rssItem struct {
	Title       string `xml:"title"`
	Links       []link `xml:"link"`
	GUID        string `xml:"guid"`
	About       string `xml:"about,attr"`
	Description string `xml:"description"`
	Content     string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	PubDate     string `xml:"pubDate"`
	Date        string `xml:"http://purl.org/dc/elements/1.1/ date"`
}

type atomEntry struct {
	Title     text   `xml:"title"`
	ID        string `xml:"id"`
	Links     []link `xml:"link"`
	Published string `xml:"published"`
	Updated   string `xml:"updated"`
	Content   text   `xml:"content"`
	Summary   text   `xml:"summary"`
}

type document struct {
	XMLName xml.Name
	Title   text `xml:"title"`
	Channel struct {
		Title string    `xml:"title"`
		Items []rssItem `xml:"item"`
	} `xml:"channel"`
	Items   []rssItem   `xml:"item"` // RSS 1.0 keeps items beside the channel
	Entries []atomEntry `xml:"entry"`
}

// autoClose are the HTML void elements but link, which in RSS holds the
// item's URL as text.
var autoClose = func() []string {
	var out []string
	for _, e := range xml.HTMLAutoClose {
		if e != "link" {
			out = append(out, e)
		}
	}
	return out
}()

// Parse reads a feed document. Feeds in the wild are often not quite
// XML: HTML entities and unclosed HTML elements are accepted, and a
// declared character set other than UTF-8 is converted.
func Parse(data []byte) (*Feed, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = autoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		cr, err := charset.NewReaderLabel(label, r)
		if err != nil {
			return nil, fmt.Errorf("charset %q: %w", label, err)
		}
		return cr, nil
	}
	var doc document
	if err := d.Decode(&doc); err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	f := &Feed{}
	switch doc.XMLName.Local {
	case "rss", "RDF":
		f.Title = strings.TrimSpace(doc.Channel.Title)
		for _, it := range append(doc.Channel.Items, doc.Items...) {
			f.Items = append(f.Items, it.item())
		}
	case "feed":
		f.Title = strings.TrimSpace(doc.Title.Chars)
		for _, e := range doc.Entries {
			f.Items = append(f.Items, e.item())
		}
	default:
		return nil, fmt.Errorf("root element <%s>: %w", doc.XMLName.Local, ErrNotFeed)
	}
	return f, nil
}

func (it rssItem) item() Item {
	out := Item{Title: strings.TrimSpace(it.Title), ID: strings.TrimSpace(it.GUID)}
	for _, l := range it.Links {
		if u := strings.TrimSpace(l.Text); u != "" {
			out.Link = u
			break
		}
		if l.Href != "" && (l.Rel == "" || l.Rel == "alternate") {
			out.Link = l.Href
			break
		}
	}
	if out.ID == "" {
		out.ID = strings.TrimSpace(it.About)
	}
	if out.ID == "" {
		out.ID = out.Link
	}
	out.Content = strings.TrimSpace(it.Content)
	if out.Content == "" {
		out.Content = strings.TrimSpace(it.Description)
	}
	out.Published = day(it.PubDate, it.Date)
	return out
}

func (e atomEntry) item() Item {
	out := Item{Title: strings.TrimSpace(e.Title.Chars), ID: strings.TrimSpace(e.ID)}
	for _, l := range e.Links {
		if l.Rel == "" || l.Rel == "alternate" {
			out.Link = strings.TrimSpace(l.Href)
			break
		}
	}
	if out.ID == "" {
		out.ID = out.Link
	}
	out.Content = e.Content.body()
	if out.Content == "" {
		out.Content = e.Summary.body()
	}
	out.Published = day(e.Published, e.Updated)
	return out
}

// layouts are the date forms seen in feeds: RFC 822 and its variants in
// RSS, RFC 3339 in Atom and Dublin Core.
var layouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC3339, time.RFC3339Nano,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04 -0700", "2 Jan 2006 15:04:05 -0700", "02 Jan 2006 15:04:05 MST",
	time.RFC822Z, time.RFC822, "2006-01-02T15:04:05", "2006-01-02",
}

// day returns the first of the dates that parses, as YYYY-MM-DD in the
// date's own zone (the day the publisher printed).
func day(dates ...string) string {
	for _, s := range dates {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		for _, l := range layouts {
			if t, err := time.Parse(l, s); err == nil {
				return t.Format("2006-01-02")
			}
		}
	}
	return ""
}
