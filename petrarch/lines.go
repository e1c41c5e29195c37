package petrarch

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// line is one logical line of a dictionary file with its comments removed.
type line struct {
	n    int    // 1-based line number
	text string // comment-free text, right-trimmed
	raw  string // the line as written, for indentation
}

// readLines reads a dictionary file, dropping "#" comments and
// "<!-- ... -->" blocks (which may span lines), and blank lines.
func readLines(r io.Reader, name string) ([]line, error) {
	var out []line
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	inBlock := false
	for sc.Scan() {
		n++
		raw := sc.Text()
		s := raw
		if inBlock {
			i := strings.Index(s, "-->")
			if i < 0 {
				continue
			}
			inBlock = false
			s = s[i+3:]
		}
		for {
			i := strings.Index(s, "<!")
			if i < 0 {
				break
			}
			j := strings.Index(s[i:], "-->")
			if j < 0 {
				s = s[:i]
				inBlock = true
				break
			}
			s = s[:i] + " " + s[i+j+3:]
		}
		s = stripComment(s)
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if strings.TrimSpace(s) == "" {
			continue
		}
		out = append(out, line{n: n, text: s, raw: raw})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n, err)
	}
	return out, nil
}

// normPhrase turns a dictionary phrase ("HAMAS_MILITARY_COMMAND",
// "PRESIDENT HOSNI  MURBARAK", "LIBYA_") into upper-case words separated by
// single spaces.
func normPhrase(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	return strings.ToUpper(strings.Join(strings.Fields(s), " "))
}

// brackets splits "NAME [A] [B] {X Y}" into the text before the first
// bracket and the contents of each [...] group.
func brackets(s string) (head string, groups []string, err error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, nil, nil
	}
	head = s[:i]
	rest := s[i:]
	for {
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return head, groups, nil
		}
		if rest[0] != '[' {
			return "", nil, fmt.Errorf("unexpected %q after a code", truncate(rest))
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return "", nil, fmt.Errorf("unclosed [ in %q", truncate(s))
		}
		groups = append(groups, strings.TrimSpace(rest[1:j]))
		rest = rest[j+1:]
	}
}

func truncate(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// stripComment cuts a line at the first "#" outside [...]: "[###]" is a
// code, not a comment.
func stripComment(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case '#':
			if depth == 0 {
				return s[:i]
			}
		}
	}
	return s
}
