package article

import (
	"regexp"
	"strings"
	"unicode"
)

// agencies are news agencies whose names appear alone in datelines
// ("AP -", "Damascus, SANA -") and sign-offs ("-- Reuters"), in the case
// they are written in.
var agencies = map[string]bool{}

func init() {
	for _, a := range strings.Split("Reuters Reuter REUTER REUTERS AP AFP TASS Xinhua IRNA ISNA IRIB Mehr MNA Tasnim Fars SANA ANI PTI IANS UPI dpa DPA EFE ANSA Anadolu Kyodo Yonhap KUNA WAM SPA QNA MENA BNA Bernama Antara Interfax Sputnik RIA Bloomberg AAP NNA Petra APS MAP TAP Trend APA Agencies IPS AKI AA", " ") {
		agencies[a] = true
	}
	for _, a := range []string{"RIA Novosti", "Associated Press", "Agence France-Presse", "Press TV", "Xinhua News Agency", "Anadolu Agency", "Mehr News Agency", "Kyodo News", "Al Jazeera", "Reuters Staff", "Canadian Press", "Press Association"} {
		agencies[a] = true
	}
}

const (
	dlWord  = `\p{Lu}[\p{L}\p{M}'’]*\.?(?:-\p{L}[\p{L}\p{M}'’]*\.?)*`
	dlJoin  = `(?:de|da|do|dos|del|della|di|du|des|el|al|la|le|les|of|upon|am|an|im|sur|en|and)`
	dlMonth = `(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	dlDate  = `(?:` + dlMonth + ` +\d{1,2}(?:,? +\d{4})?|\d{1,2} +` + dlMonth + `(?: +\d{4})?)`
)

// dateline matches the head of a story: the place, then optionally its
// region or a date, an agency in brackets or slashes, and a dash or colon.
// Which combinations count is decided by findDateline.
var dateline = regexp.MustCompile(`^(` + dlWord + `(?: +(?:` + dlWord + `|` + dlJoin + `))*)` +
	`(?:,? +(` + dlDate + `)|, +(` + dlWord + `(?: +(?:` + dlWord + `|` + dlJoin + `))*)(?:,? +(` + dlDate + `))?)?` +
	`\.?(?: *\(([^()\n]{1,40})\))?(?: */([^/\n]{1,30})/\.?)?` +
	`(?:[ \t]*(--|-|–|—|:)(?:[ \t]|\n|$))?`)

// findDateline reads the dateline at the head of body, if any: the place
// as written ("TEHRAN", "KABUL, Afghanistan") and the agency it names
// ("Reuters", "AP"), either of which may be empty.
func findDateline(body string) (place, agency string) {
	// a byline paragraph may come first on web pages: "By Jane Doe · May 22"
	if strings.HasPrefix(body, "By ") {
		if i := strings.Index(body, "\n"); i > 0 && i < 120 {
			body = strings.TrimLeft(body[i:], " \n")
		}
	}
	m := dateline.FindStringSubmatchIndex(body)
	if m == nil {
		return "", ""
	}
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return body[m[2*i]:m[2*i+1]]
	}
	place, region := group(1), group(3)
	hasDate := group(2) != "" || group(4) != ""
	agency = firstOf(group(5), group(6))
	term := group(7)
	if agency != "" && (!startsUpper(agency) || strings.ContainsAny(agency, ",:;") || len(strings.Fields(agency)) > 4) {
		return "", ""
	}
	if agencies[region] && agency == "" {
		agency, region = region, ""
	}
	if agencies[place] && region == "" && !hasDate && (agency == "" || agency == place) {
		// "AP - ..." or "Reuters - ...": an agency without a place.
		if term == "" || term == ":" {
			return "", ""
		}
		return "", place
	}
	words := len(strings.Fields(place))
	upper := !strings.ContainsFunc(place, unicode.IsLower)
	switch {
	case words > 5:
		return "", ""
	case agency != "" && (upper || hasDate || term != "" || agencies[agency]):
		// A bracket after a mixed-case name is more often an acronym
		// ("The World Trade Organisation (WTO) said") than an agency.
	case agency != "":
		return "", ""
	case term == ":":
		if !upper || hasDate || region != "" {
			return "", ""
		}
	case term != "":
		if !upper && !hasDate && words > 3 {
			return "", ""
		}
	default:
		return "", ""
	}
	if region != "" {
		place += ", " + region
	}
	return place, agency
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}
