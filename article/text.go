package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
)

// maxTitleRunes is the longest first line of a text file taken as its title.
const maxTitleRunes = 150

// FromText builds one article from a plain-text body already in hand. When
// the first line is short, has no final period and is followed by a blank
// line, it is taken as the title and removed from the body.
//
// On failure the article is returned empty but for its id. The one exception
// is an error wrapping ErrPublished: the article is complete, with Published
// left empty.
func FromText(id, text string, opt Options) (khaldun.Article, error) {
	return fromText(id, text, opt, true)
}

func fromText(id, text string, opt Options, findTitle bool) (khaldun.Article, error) {
	a := khaldun.Article{ID: id}
	if err := checkBytes([]byte(text)); err != nil {
		return a, err
	}
	body := normalise(text)
	if findTitle {
		a.Title, body = splitTitle(body)
	}
	return finish(a, body, opt, "")
}

// finish fills in everything an article gets from its cleaned body and the
// options: the licence (and the boilerplate stripped from the end of the
// body), the dateline and its agency, the source, URL and published date.
// fallbackSource is used when neither the options nor the dateline name one.
func finish(a khaldun.Article, body string, opt Options, fallbackSource string) (khaldun.Article, error) {
	body, found := stripTail(body)
	if strings.TrimSpace(body) == "" {
		return khaldun.Article{ID: a.ID}, ErrEmpty
	}
	a.Text = body
	a.License = found
	if opt.License != "" {
		a.License = NormaliseLicense(opt.License)
	}
	var agency string
	a.Dateline, agency = findDateline(body)
	a.Source = firstOf(opt.Source, agency, fallbackSource)
	a.URL = strings.TrimSpace(opt.URL)
	if opt.Published != "" {
		d, err := NormaliseDate(opt.Published)
		if err != nil {
			return a, err
		}
		a.Published = d
	}
	return a, nil
}

// normalise cleans a body without touching its words: line ends become
// "\n", non-breaking spaces plain spaces, zero-width characters, the byte
// order mark, soft hyphens and control characters go, bytes that are not
// UTF-8 become U+FFFD, and whitespace is trimmed from the end of every line
// and from both ends of the body. Quotes, dashes and blank lines stay.
func normalise(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteByte('\n')
		case r == '\f' || r == '\v' || r == '\u2028' || r == '\u0085':
			b.WriteByte('\n')
		case r == '\u2029':
			b.WriteString("\n\n")
		case r == '\u00a0' || r == '\u202f' || r == '\u2007':
			b.WriteByte(' ')
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
		default:
			b.WriteRune(r) // an invalid byte is written as U+FFFD
		}
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// splitTitle separates a title line from the body that follows it.
func splitTitle(body string) (title, rest string) {
	first, after, ok := strings.Cut(body, "\n")
	if !ok || !strings.HasPrefix(after, "\n") {
		return "", body
	}
	rest = strings.TrimLeft(after, "\n")
	first = strings.TrimSpace(first)
	if rest == "" || first == "" || utf8.RuneCountInString(first) >= maxTitleRunes {
		return "", body
	}
	switch first[len(first)-1] {
	case '.', ',', ';', ':':
		return "", body
	}
	if !strings.ContainsFunc(first, unicode.IsLetter) {
		return "", body
	}
	return cleanTitle(first), rest
}

// cleanTitle collapses the whitespace of a title to single spaces.
func cleanTitle(s string) string {
	return strings.Join(strings.Fields(normalise(s)), " ")
}
