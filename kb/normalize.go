package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize maps a name to its lookup key: lower case, diacritics folded
// (é→e, ā→a, ş→s), apostrophes, ayns, hamzas and periods removed, hyphens
// and every other punctuation turned to spaces, and whitespace collapsed.
// "Deir ez-Zor" and "Deir Ez Zor" give "deir ez zor"; "U.S." gives "us";
// "Tall ‘Afar" gives "tall afar". A string that is already a key is
// returned as it is, without allocating.
func Normalize(s string) string {
	if isKey(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending before the next kept character
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' || c == '.' || c == '`':
				continue
			default:
				space = true
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if dropRune(r) {
			continue
		}
		f, ok := foldRune(r)
		if !ok {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				f = string(unicode.ToLower(r))
			case unicode.Is(unicode.Mn, r):
				continue // a combining mark left over from decomposed text
			default:
				space = true
				continue
			}
		}
		if f == "" {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteString(f)
	}
	return b.String()
}

// isKey reports whether s is already normal: lower-case ASCII letters and
// digits in words separated by single spaces.
func isKey(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			prevSpace = false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			return false
		}
	}
	return true
}

// dropRune reports whether r is a mark that disappears from a key:
// apostrophes, quotation marks used as apostrophes, and the ayn and hamza
// signs of romanised Arabic and Hebrew.
func dropRune(r rune) bool {
	switch r {
	case '\u2018', '\u2019', '\u201B', '\u02BC', '\u02BB', '\u02BD', '\u02BE', '\u02BF',
		'\u00B4', '\u2032', '\uFF07', '\u02C8', '\u0301':
		return true
	}
	return false
}

// foldRune returns the ASCII spelling of a letter with a diacritic, or of
// a ligature, in lower case.
func foldRune(r rune) (string, bool) {
	if f, ok := fold[r]; ok {
		return f, true
	}
	return "", false
}

// fold covers Latin-1, Latin Extended-A and B, and the dotted letters of
// Latin Extended Additional used to romanise Arabic, Persian, Turkish and
// Vietnamese names.
var fold = buildFold()

func buildFold() map[rune]string {
	groups := map[string]string{
		"a":  "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧḀḁẚẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ",
		"ae": "ÆæǢǣǼǽ",
		"b":  "ḂḃḄḅḆḇƀ",
		"c":  "ÇçĆćĈĉĊċČčḈḉ",
		"d":  "ĎďĐđḊḋḌḍḎḏḐḑḒḓÐð",
		"e":  "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệƏə",
		"f":  "Ḟḟ",
		"g":  "ĜĝĞğĠġĢģǦǧǴǵḠḡ",
		"h":  "ĤĥĦħḢḣḤḥḦḧḨḩḪḫẖ",
		"i":  "ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐȈȉȊȋḬḭḮḯỈỉỊị",
		"ij": "Ĳĳ",
		"j":  "Ĵĵǰ",
		"k":  "ĶķǨǩḰḱḲḳḴḵ",
		"l":  "ĹĺĻļĽľĿŀŁłḶḷḸḹḺḻḼḽ",
		"m":  "ḾḿṀṁṂṃ",
		"n":  "ÑñŃńŅņŇňŉǸǹṄṅṆṇṈṉṊṋ",
		"o":  "ÒÓÔÕÖØòóôõöøŌōŎŏŐőƠơǑǒǪǫǬǭǾǿȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ",
		"oe": "Œœ",
		"p":  "ṔṕṖṗ",
		"r":  "ŔŕŖŗŘřȐȑȒȓṘṙṚṛṜṝṞṟ",
		"s":  "ŚśŜŝŞşŠšȘșṠṡṢṣṤṥṦṧṨṩ",
		"ss": "ß",
		"t":  "ŢţŤťŦŧȚțṪṫṬṭṮṯṰṱẗ",
		"th": "Þþ",
		"u":  "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰự",
		"v":  "ṼṽṾṿ",
		"w":  "ŴŵẀẁẂẃẄẅẆẇẈẉẘ",
		"x":  "ẊẋẌẍ",
		"y":  "ÝýÿŶŷŸȲȳẎẏẙỲỳỴỵỶỷỸỹ",
		"z":  "ŹźŻżŽžƵƶẐẑẒẓẔẕ",
	}
	m := make(map[rune]string, 600)
	for to, from := range groups {
		for _, r := range from {
			m[r] = to
		}
	}
	return m
}
