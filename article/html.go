package article

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/khaldun/khaldun"
)

// FromHTML builds one article from an HTML page: readability finds the
// main content, which is turned into plain text with a blank line between
// paragraphs. The title is the page's own (og:title, <title> or the first
// <h1>); when the options leave them empty, Published comes from the page's
// metadata and Source from the dateline's agency or the site name. A
// licence link (rel="license") counts when the text states none.
//
// Errors are as for FromText. Broken HTML is read as browsers read it.
func FromHTML(id string, page []byte, opt Options) (a khaldun.Article, err error) {
	a.ID = id
	if err := checkBytes(page); err != nil {
		return a, err
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return a, fmt.Errorf("parse html: %w", err)
	}
	meta := readMeta(doc)
	ra, err := extract(doc)
	var text string
	if err == nil && ra.Node != nil {
		text = plainText(ra.Node)
	}
	if strings.TrimSpace(text) == "" {
		// readability found nothing it trusts: fall back to the whole body
		// of a fresh parse, as readability has changed the tree.
		doc, _ = html.Parse(bytes.NewReader(page))
		text = plainText(doc)
	}
	a.Title = cleanTitle(firstOf(ra.Title(), meta.title))
	if opt.Published == "" {
		if t, err := ra.PublishedTime(); err == nil && t.Year() > 1000 && t.Year() < 10000 {
			opt.Published = t.Format("2006-01-02")
		}
	}
	a, err = finish(a, normalise(text), opt, firstOf(ra.SiteName(), meta.site))
	if err == nil && a.License == "" && meta.license != "" {
		a.License = NormaliseLicense(meta.license)
	}
	return a, err
}

// extract runs readability on doc, turning a panic inside it into an error
// so that no page can crash the caller.
func extract(doc *html.Node) (ra readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			ra, err = readability.Article{}, fmt.Errorf("readability: %v", r)
		}
	}()
	p := readability.NewParser()
	return p.ParseAndMutate(doc, nil)
}

// pageMeta is what a page says about itself outside its article content.
type pageMeta struct {
	title, site, license string
}

// readMeta collects the title (og:title, else <title>, else the first
// <h1>), the site name and a licence link from a parsed page.
func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var og, title, h1 string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				prop := strings.ToLower(firstOf(attr(n, "property"), attr(n, "name")))
				switch prop {
				case "og:title":
					og = firstOf(og, attr(n, "content"))
				case "og:site_name":
					m.site = firstOf(m.site, attr(n, "content"))
				case "dc.rights", "dcterms.license", "license":
					m.license = firstOf(m.license, attr(n, "content"))
				}
			case atom.Title:
				if title == "" {
					title = plainText(n)
				}
			case atom.H1:
				if h1 == "" {
					h1 = plainText(n)
				}
			case atom.A, atom.Link:
				if hasWord(attr(n, "rel"), "license") {
					m.license = firstOf(m.license, attr(n, "href"))
				}
			case atom.Script, atom.Style, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	m.title = firstOf(og, title, h1)
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasWord(list, word string) bool {
	for _, w := range strings.Fields(strings.ToLower(list)) {
		if w == word {
			return true
		}
	}
	return false
}

// Breaks between pieces of text, weakest first.
const (
	breakNone = iota
	breakSpace
	breakLine
	breakPara
)

// textWriter writes the text of an HTML tree with collapsed whitespace and
// the strongest break asked for between two pieces of text.
type textWriter struct {
	b       strings.Builder
	pending int
}

func (w *textWriter) brk(k int) { w.pending = max(w.pending, k) }

func (w *textWriter) word(s string) {
	if w.b.Len() > 0 {
		switch w.pending {
		case breakSpace:
			w.b.WriteByte(' ')
		case breakLine:
			w.b.WriteByte('\n')
		case breakPara:
			w.b.WriteString("\n\n")
		}
	}
	w.pending = breakNone
	w.b.WriteString(s)
}

// text writes a text node outside <pre>, collapsing runs of white space.
func (w *textWriter) text(s string) {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007' {
			if start >= 0 {
				w.word(s[start:i])
				start = -1
			}
			w.brk(breakSpace)
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w.word(s[start:])
	}
}

// plainText renders the text of an HTML tree: paragraphs and other blocks
// are separated by a blank line, <br> by a line break; scripts, styles,
// forms and hidden elements are left out.
func plainText(n *html.Node) string {
	var w textWriter
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			if pre {
				for i, l := range strings.Split(n.Data, "\n") {
					if i > 0 {
						w.brk(breakLine)
					}
					if l != "" {
						w.word(l)
					}
				}
			} else {
				w.text(n.Data)
			}
			return
		case html.ElementNode:
			if hidden(n) {
				return
			}
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head,
				atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Embed, atom.Canvas,
				atom.Video, atom.Audio, atom.Select, atom.Button, atom.Input, atom.Textarea,
				atom.Option, atom.Map, atom.Area:
				return
			case atom.Br:
				w.brk(breakLine)
				return
			case atom.Td, atom.Th:
				w.brk(breakSpace)
			case atom.Pre:
				pre = true
			}
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if block {
			w.brk(breakPara)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
		if block {
			w.brk(breakPara)
		}
	}
	walk(n, false)
	return w.b.String()
}

// blocks are the elements whose content stands as a paragraph of its own.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true,
	atom.Pre: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Figure: true, atom.Figcaption: true, atom.Table: true,
	atom.Tr: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Address: true, atom.Aside: true, atom.Main: true,
	atom.Nav: true, atom.Hr: true, atom.Details: true, atom.Summary: true,
	atom.Form: true, atom.Fieldset: true, atom.Caption: true, atom.Body: true,
	atom.Title: true,
}

// hidden reports whether an element is marked as not shown.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}
