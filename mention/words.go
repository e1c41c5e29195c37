package mention

import (
	"bufio"
	"bytes"
	"embed"
	"strings"
)

//go:embed data/*.txt
var dataFS embed.FS

// wordLists are the name detector's word lists, read once from data/.
type wordLists struct {
	given     map[string]bool // given names: "Ali", "Hossein"
	honorific map[string]bool // titles before a name: "Mr", "Sheikh"
	orgWords  map[string]bool // last words of organisations' names: "Council"
}

var lists = loadLists()

func loadLists() wordLists {
	return wordLists{
		given:     readList("data/given_names.txt"),
		honorific: readList("data/name_titles.txt"),
		orgWords:  readList("data/org_words.txt"),
	}
}

// readList reads one word per line, skipping blank lines and # comments;
// keys are lower case without periods. The files are embedded, so a
// missing one is a build problem that the tests catch as an empty list.
func readList(name string) map[string]bool {
	m := map[string]bool{}
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return m
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || w[0] == '#' {
			continue
		}
		m[wordKey(w)] = true
	}
	return m
}

func wordKey(w string) string {
	return strings.ReplaceAll(strings.ToLower(w), ".", "")
}

// GivenName reports whether the word is a common given name.
func GivenName(w string) bool { return lists.given[wordKey(w)] }

// Honorific reports whether the word is a title that stands before a
// person's name ("Mr", "Dr", "Sheikh").
func Honorific(w string) bool { return lists.honorific[wordKey(w)] }

// OrgWord reports whether a name ending in the word names an organisation
// ("Council", "Ministry", "Bank").
func OrgWord(w string) bool { return lists.orgWords[wordKey(w)] }
