package storetest

import (
	"fmt"
	"strings"

	"github.com/khaldun/khaldun"
)

// at returns the span of the n-th (from 0) occurrence of sub in text, or
// an empty span past the end when it is not there (the fixtures below are
// written so that it always is).
func at(text, sub string, n int) khaldun.Span {
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			return khaldun.Span{Start: len(text), End: len(text)}
		}
		if i == n {
			return khaldun.Span{Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}

func sentence(text, sub string) khaldun.Span {
	s := at(text, sub, 0)
	start := strings.LastIndex(text[:s.Start], ". ")
	if start < 0 {
		start = 0
	} else {
		start += 2
	}
	end := strings.Index(text[s.End:], ". ")
	if end < 0 {
		end = len(text)
	} else {
		end = s.End + end + 1
	}
	return khaldun.Span{Start: start, End: end}
}

// Fixtures returns three coded articles written for the suite: a meeting
// in Tehran with a direct quote (2017-09-05), an army breaking a siege in
// Deir ez-Zor (2017-09-06) and an accusation over airspace with a quote
// (2005-03-01). Each call returns fresh values.
func Fixtures() []khaldun.Record {
	return []khaldun.Record{tehran(), siege(), airspace()}
}

func tehran() khaldun.Record {
	text := "TEHRAN – Iranian Foreign Minister Mohammad Javad Zarif met Syrian Deputy Foreign Minister " +
		"Faisal Mekdad in Tehran on Tuesday to discuss the fight against terrorism. " +
		"“We will stand by the Syrian people until the end,” Zarif told reporters after the talks."
	return khaldun.Record{
		Article: khaldun.Article{ID: "mehr-4109", Source: "Mehr News Agency", URL: "https://en.mehrnews.com/news/4109",
			Published: "2017-09-05", Dateline: "TEHRAN", License: "CC-BY-4.0", Title: "Zarif, Mekdad confer in Tehran", Text: text},
		Actors: []khaldun.Actor{
			{ID: "a1", Name: "Mohammad Javad Zarif", Kind: khaldun.KindPerson, Country: "IRN", Sector: "GOV", Code: "IRNGOV",
				Roles: []string{"Foreign Minister"}, Mentions: []khaldun.Span{at(text, "Mohammad Javad Zarif", 0), at(text, "Zarif", 1)}},
			{ID: "a2", Name: "Faisal Mekdad", Kind: khaldun.KindPerson, Country: "SYR", Sector: "GOV", Code: "SYRGOV",
				Roles: []string{"Deputy Foreign Minister"}, Mentions: []khaldun.Span{at(text, "Faisal Mekdad", 0)}},
		},
		Places: []khaldun.Place{{ID: "p1", Name: "Tehran", Country: "IRN", Admin1: "Tehran", Lat: 35.69439, Lon: 51.42151,
			GeoNames: 112931, Feature: "city", Mentions: []khaldun.Span{at(text, "TEHRAN", 0), at(text, "Tehran", 0)}}},
		Events: []khaldun.Event{{ID: "e1", Type: "CONSULT", CAMEO: "043", Goldstein: 2.8, Quad: 1, Source: "a1", Target: "a2",
			Place: "p1", Date: "2017-09-05", DateText: "Tuesday", Mode: khaldun.ModeReal,
			Sentence: sentence(text, " met "), Trigger: at(text, "met", 0), Confidence: 0.9, Rule: "consult.meet"}},
		Quotes: []khaldun.Quote{{ID: "q1", Speaker: "a1", Text: "We will stand by the Syrian people until the end,",
			Start: at(text, "We will", 0).Start, End: at(text, "end,", 0).End, Kind: khaldun.QuoteDirect, Cue: at(text, "told", 0)}},
		Dates: []khaldun.Date{{Text: "Tuesday", Start: at(text, "Tuesday", 0).Start, End: at(text, "Tuesday", 0).End, Value: "2017-09-05"}},
	}
}

func siege() khaldun.Record {
	text := "DEIR EZZOR, Syria (Reuters) - The Syrian army and its allies broke a three-year siege by Islamic State " +
		"fighters of the city of Deir ez-Zor on Tuesday, state television said. " +
		"Residents said government troops had reached the western districts."
	return khaldun.Record{
		Article: khaldun.Article{ID: "reuters-2017-0906-1", Source: "Reuters", URL: "https://www.reuters.com/article/syria-deir-1",
			Published: "2017-09-06", Dateline: "DEIR EZZOR, Syria", Title: "Syrian army breaks Islamic State siege of Deir ez-Zor", Text: text},
		Actors: []khaldun.Actor{
			{ID: "a1", Name: "Syrian army", Kind: khaldun.KindOrganization, Country: "SYR", Sector: "MIL", Code: "SYRMIL",
				Mentions: []khaldun.Span{at(text, "Syrian army", 0), at(text, "government troops", 0)}},
			{ID: "a2", Name: "Islamic State", Kind: khaldun.KindGroup, Sector: "REB", Code: "IMGREB",
				Mentions: []khaldun.Span{at(text, "Islamic State", 0)}},
		},
		Places: []khaldun.Place{{ID: "p1", Name: "Deir ez-Zor", Country: "SYR", Admin1: "Deir ez-Zor", Lat: 35.33588, Lon: 40.14084,
			GeoNames: 170794, Feature: "city", Mentions: []khaldun.Span{at(text, "DEIR EZZOR", 0), at(text, "Deir ez-Zor", 0)}}},
		Events: []khaldun.Event{{ID: "e1", Type: "ASSAULT", CAMEO: "190", Goldstein: -10, Quad: 4, Source: "a1", Target: "a2",
			Place: "p1", Date: "2017-09-05", DateText: "Tuesday", Mode: khaldun.ModeReal,
			Sentence: sentence(text, "broke"), Trigger: at(text, "broke", 0), Confidence: 0.8, Rule: "assault.break_siege"}},
		Quotes: []khaldun.Quote{},
		Dates:  []khaldun.Date{{Text: "Tuesday", Start: at(text, "Tuesday", 0).Start, End: at(text, "Tuesday", 0).End, Value: "2017-09-05"}},
	}
}

func airspace() khaldun.Record {
	text := "Turkey accused Greece on Monday of violating its airspace over the Aegean, the foreign ministry in Ankara said. " +
		"“This is unacceptable and dangerous,” ministry spokesman Namik Tan said."
	return khaldun.Record{
		Article: khaldun.Article{ID: "bbc-2005-0301", Source: "BBC News", Published: "2005-03-01",
			Title: "Turkey accuses Greece over airspace", Text: text},
		Actors: []khaldun.Actor{
			{ID: "a1", Name: "Turkey", Kind: khaldun.KindCountry, Country: "TUR", Sector: "GOV", Code: "TURGOV",
				Mentions: []khaldun.Span{at(text, "Turkey", 0)}},
			{ID: "a2", Name: "Greece", Kind: khaldun.KindCountry, Country: "GRC", Sector: "GOV", Code: "GRCGOV",
				Mentions: []khaldun.Span{at(text, "Greece", 0)}},
			{ID: "a3", Name: "Namik Tan", Kind: khaldun.KindPerson, Country: "TUR", Sector: "GOV", Code: "TURGOV",
				Roles: []string{"spokesman"}, Mentions: []khaldun.Span{at(text, "Namik Tan", 0)}},
		},
		Places: []khaldun.Place{{ID: "p1", Name: "Ankara", Country: "TUR", Lat: 39.91987, Lon: 32.85427, GeoNames: 323786,
			Feature: "city", Mentions: []khaldun.Span{at(text, "Ankara", 0)}}},
		Events: []khaldun.Event{
			{ID: "e1", Type: "ACCUSE", CAMEO: "112", Goldstein: -2, Quad: 3, Source: "a1", Target: "a2",
				Date: "2005-02-28", DateText: "Monday", Mode: khaldun.ModeReal,
				Sentence: sentence(text, "accused"), Trigger: at(text, "accused", 0), Confidence: 0.85, Rule: "accuse.accuse"},
			{ID: "e2", Type: "DISAPPROVE", CAMEO: "111", Goldstein: -2, Quad: 3, Source: "a3", Target: "a2",
				Mode: khaldun.ModeReal, Negated: false,
				Sentence: sentence(text, "unacceptable"), Trigger: at(text, "unacceptable", 0), Confidence: 0.5, Rule: "disapprove.unacceptable"},
		},
		Quotes: []khaldun.Quote{{ID: "q1", Speaker: "a3", Text: "This is unacceptable and dangerous,",
			Start: at(text, "This is", 0).Start, End: at(text, "dangerous,", 0).End, Kind: khaldun.QuoteDirect,
			Cue: at(text, "said", 1), Events: []string{"e2"}}},
		Dates: []khaldun.Date{{Text: "Monday", Start: at(text, "Monday", 0).Start, End: at(text, "Monday", 0).End, Value: "2005-02-28"}},
	}
}

// Generated returns n distinct small records (ids gen-0 ... gen-n-1)
// for volume and concurrency tests; prefix keeps two sets apart.
func Generated(prefix string, n int) []khaldun.Record {
	out := make([]khaldun.Record, n)
	for i := range out {
		text := fmt.Sprintf("KABUL (Reuters) - Afghan police arrested %d suspects in Kabul on Sunday, "+
			"the interior ministry said in statement number %s-%d.", i+1, prefix, i)
		out[i] = khaldun.Record{
			Article: khaldun.Article{ID: fmt.Sprintf("%s-%d", prefix, i), Source: "Reuters",
				Published: fmt.Sprintf("2019-03-%02d", 1+i%28), Text: text},
			Actors: []khaldun.Actor{
				{ID: "a1", Name: "Afghan police", Kind: khaldun.KindOrganization, Country: "AFG", Sector: "COP", Code: "AFGCOP",
					Mentions: []khaldun.Span{at(text, "Afghan police", 0)}},
			},
			Places: []khaldun.Place{{ID: "p1", Name: "Kabul", Country: "AFG", Lat: 34.52813, Lon: 69.17233, GeoNames: 1138958,
				Feature: "city", Mentions: []khaldun.Span{at(text, "KABUL", 0), at(text, "Kabul", 0)}}},
			Events: []khaldun.Event{{ID: "e1", Type: "COERCE", CAMEO: "173", Goldstein: -5, Quad: 4, Source: "a1",
				Place: "p1", Mode: khaldun.ModeReal, Sentence: khaldun.Span{Start: 0, End: len(text)},
				Trigger: at(text, "arrested", 0), Confidence: 0.7, Rule: "coerce.arrest"}},
			Quotes: []khaldun.Quote{},
			Dates:  []khaldun.Date{},
		}
	}
	return out
}
