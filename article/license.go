package article

import (
	"regexp"
	"strings"
)

var (
	// ccURL matches a Creative Commons licence or CC0 address.
	ccURL = regexp.MustCompile(`(?i)creativecommons\.org/(?:licenses/(by(?:-nc)?(?:-sa|-nd)?)(?:/(\d\.\d))?|publicdomain/(zero)/1\.0)`)
	// ccName matches the start of a Creative Commons licence named in prose:
	// "Creative Commons Attribution ...", "CC BY-SA 4.0", "CC0".
	ccName = regexp.MustCompile(`(?i)\bcreative\s+commons\b|\bcc[ -]?(?:by|0|zero)\b`)
	// ccWords reads the elements of a licence name after ccName.
	ccWords = regexp.MustCompile(`(?i)\b(?:attribution|by|non-?commercial|nc|share-?alike|sa|no-?deriv(?:ative)?s|no derivatives|nd|zero|cc0|public domain dedication|\d\.\d)\b|\bcc0`)
	// publicDomain matches a statement that a work is in the public domain.
	publicDomain = regexp.MustCompile(`(?i)\b(?:this|the|all|our)\s+(?:[\p{L}-]+\s+){0,3}(?:articles?|works?|content|texts?|stor(?:y|ies)|materials?|reports?|photos?|images?|pages?)\s+(?:is|are|has been|have been)\s+(?:released\s+|dedicated\s+|placed\s+)?(?:in|into|to)\s+the\s+public\s+domain\b`)
)

// NormaliseLicense returns the SPDX id of a licence given by name, short
// form or address ("CC BY 4.0", "cc-by-sa-3.0", "Creative Commons
// Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/",
// "CC0"), "public domain" for the public domain, and s itself, trimmed, when
// it names something else or says more than a licence name.
func NormaliseLicense(s string) string {
	s = strings.TrimSpace(s)
	lower := strings.ToLower(s)
	if strings.Contains(lower, "public domain") && len(strings.Fields(s)) <= 3 {
		return "public domain"
	}
	id, loc := findLicense(s)
	if id == "" {
		return s
	}
	// Only a value that is all licence name is rewritten; a longer statement
	// may say more (several licences, owners) and is kept as given.
	rest := strings.NewReplacer("license", "", "licence", "", "License", "", "Licence", "",
		"https://", "", "http://", "", "www.", "").Replace(s[:loc[0]] + " " + s[loc[1]:])
	if strings.Trim(rest, " .,;:()/-") != "" {
		return s
	}
	return id
}

// findLicense finds the last Creative Commons or public-domain statement in
// s, returning its SPDX id ("CC-BY-4.0", "CC0-1.0", "public domain") and its
// byte range. A Creative Commons name without a version gives the id
// without one ("CC-BY-SA"); a mention of Creative Commons that names no
// licence gives "" but still its range.
func findLicense(s string) (id string, loc []int) {
	if !licenseHint(s) {
		return "", nil
	}
	best := -1
	if ms := ccURL.FindAllStringSubmatchIndex(s, -1); ms != nil {
		m := ms[len(ms)-1]
		best = m[0]
		loc = []int{m[0], m[1]}
		if m[6] >= 0 {
			id = "CC0-1.0"
		} else {
			id = "CC-" + strings.ToUpper(s[m[2]:m[3]])
			if m[4] >= 0 {
				id += "-" + s[m[4]:m[5]]
			}
		}
		// A URL path may run on to the version ("/by/4.0/deed.en").
		end := loc[1]
		for end < len(s) && !strings.ContainsRune(" \t\n\"'<>)", rune(s[end])) {
			end++
		}
		loc[1] = end
	}
	if ms := ccName.FindAllStringIndex(s, -1); ms != nil {
		m := ms[len(ms)-1]
		if m[0] > best {
			best = m[0]
			end := nameEnd(s, m[0])
			loc = []int{m[0], end}
			id = ccID(s[m[0]:end])
		}
	}
	if ms := publicDomain.FindAllStringIndex(s, -1); ms != nil {
		m := ms[len(ms)-1]
		if m[0] > best {
			loc = []int{m[0], m[1]}
			id = "public domain"
		}
	}
	return id, loc
}

// nameEnd returns where a licence name that starts at i ends: at the end of
// its sentence, line or bracket, and at most 120 bytes on.
func nameEnd(s string, i int) int {
	end := min(len(s), i+120)
	for j := i; j < end; j++ {
		switch s[j] {
		case '\n', ')', ';', '"':
			return j
		case '.':
			if j+1 >= len(s) || s[j+1] == ' ' || s[j+1] == '\n' {
				return j
			}
		}
	}
	// Do not cut a multi-byte character in two.
	for end < len(s) && end > i && s[end]&0xc0 == 0x80 {
		end--
	}
	return end
}

// ccID builds the SPDX id from the words of a Creative Commons licence name.
func ccID(name string) string {
	var by, nc, sa, nd, zero bool
	version := ""
	for _, w := range ccWords.FindAllString(name, -1) {
		w = strings.ToLower(w)
		switch {
		case w == "attribution" || w == "by":
			by = true
		case w == "nc" || strings.HasPrefix(w, "non"):
			nc = true
		case w == "sa" || strings.HasPrefix(w, "share"):
			sa = true
		case w == "nd" || strings.HasPrefix(w, "no"):
			nd = true
		case w == "zero" || w == "cc0" || strings.HasPrefix(w, "public"):
			zero = true
		case version == "" && len(w) == 3 && w[1] == '.':
			version = w
		}
	}
	if strings.HasPrefix(strings.ToLower(name), "cc0") {
		zero = true
	}
	switch {
	case zero && !by:
		return "CC0-1.0"
	case !by:
		return ""
	}
	id := "CC-BY"
	if nc {
		id += "-NC"
	}
	switch {
	case sa:
		id += "-SA"
	case nd:
		id += "-ND"
	}
	switch version {
	case "1.0", "2.0", "2.5", "3.0", "4.0":
		id += "-" + version
	}
	return id
}

// licenseHint is a cheap test that s may name a Creative Commons licence,
// so that most articles skip the regular expressions.
func licenseHint(s string) bool {
	for _, h := range []string{"ommons", "OMMONS", "CC ", "CC-", "CC0", "cc ", "cc-", "cc0", "Cc ", "ublic domain", "UBLIC DOMAIN"} {
		if strings.Contains(s, h) {
			return true
		}
	}
	return false
}
