package feed

import (
	"errors"
	"testing"
)

const rss2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>World news</title>
  <atom:link href="https://news.example.org/world/rss" rel="self"/>
  <item>
    <title>Syrian army breaks siege of Deir ez-Zor</title>
    <link>https://news.example.org/world/deir-ez-zor-siege</link>
    <guid isPermaLink="false">world-2017-0905-17</guid>
    <pubDate>Tue, 05 Sep 2017 18:20:00 +0300</pubDate>
    <description>Government forces reached the besieged city.</description>
    <content:encoded><![CDATA[<p>The Syrian army broke a three-year siege of Deir ez-Zor on Tuesday, state media said.</p><p>Residents celebrated.</p>]]></content:encoded>
  </item>
  <item>
    <title>Zarif meets Mekdad &amp; aides in Tehran</title>
    <link>https://news.example.org/world/zarif-mekdad</link>
    <pubDate>Tue, 5 Sep 2017 09:00:00 GMT</pubDate>
    <description>&lt;p&gt;Iran&#8217;s foreign minister met his Syrian counterpart.&lt;/p&gt;</description>
  </item>
</channel>
</rss>`

const rss1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://wire.example.net/"><title>Wire</title></channel>
  <item rdf:about="https://wire.example.net/2005/03/01/airspace">
    <title>Turkey accuses Greece over airspace</title>
    <link>https://wire.example.net/2005/03/01/airspace</link>
    <description>Ankara said Greek jets had violated Turkish airspace over the Aegean.</description>
    <dc:date>2005-03-01T08:15:00Z</dc:date>
  </item>
</rdf:RDF>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Kabul bureau</title>
  <entry>
    <title>Police arrest suspects after Kabul blast</title>
    <id>tag:kabul.example.com,2019:blast-0310</id>
    <link rel="alternate" type="text/html" href="https://kabul.example.com/blast"/>
    <link rel="enclosure" href="https://kabul.example.com/blast.jpg"/>
    <published>2019-03-10T22:30:00+04:30</published>
    <updated>2019-03-11T06:00:00+04:30</updated>
    <summary>Afghan police arrested five men.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Afghan police arrested five men in Kabul on Sunday.</p></div></content>
  </entry>
  <entry>
    <title type="html">Talks &lt;em&gt;resume&lt;/em&gt;</title>
    <id>tag:kabul.example.com,2019:talks</id>
    <updated>2019-03-12</updated>
    <summary type="html">&lt;p&gt;Negotiators met in Doha.&lt;/p&gt;</summary>
  </entry>
</feed>`

const latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Le Monde</title><item>" +
	"<title>Pr\xe9sident</title><link>https://lemonde.example.fr/a</link><description>D\xe9claration \xe0 Paris.</description></item></channel></rss>"

func TestParse(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		title string
		want  []Item
	}{
		{"rss 2.0 with content:encoded", rss2, "World news", []Item{
			{ID: "world-2017-0905-17", Title: "Syrian army breaks siege of Deir ez-Zor", Link: "https://news.example.org/world/deir-ez-zor-siege",
				Published: "2017-09-05", Content: "<p>The Syrian army broke a three-year siege of Deir ez-Zor on Tuesday, state media said.</p><p>Residents celebrated.</p>"},
			{ID: "https://news.example.org/world/zarif-mekdad", Title: "Zarif meets Mekdad & aides in Tehran", Link: "https://news.example.org/world/zarif-mekdad",
				Published: "2017-09-05", Content: "<p>Iran’s foreign minister met his Syrian counterpart.</p>"},
		}},
		{"rss 1.0", rss1, "Wire", []Item{
			{ID: "https://wire.example.net/2005/03/01/airspace", Title: "Turkey accuses Greece over airspace", Link: "https://wire.example.net/2005/03/01/airspace",
				Published: "2005-03-01", Content: "Ankara said Greek jets had violated Turkish airspace over the Aegean."},
		}},
		{"atom", atom, "Kabul bureau", []Item{
			{ID: "tag:kabul.example.com,2019:blast-0310", Title: "Police arrest suspects after Kabul blast", Link: "https://kabul.example.com/blast",
				Published: "2019-03-10", Content: `<div xmlns="http://www.w3.org/1999/xhtml"><p>Afghan police arrested five men in Kabul on Sunday.</p></div>`},
			{ID: "tag:kabul.example.com,2019:talks", Title: "Talks <em>resume</em>", Published: "2019-03-12", Content: "<p>Negotiators met in Doha.</p>"},
		}},
		{"latin-1", latin1, "Le Monde", []Item{
			{ID: "https://lemonde.example.fr/a", Title: "Président", Link: "https://lemonde.example.fr/a", Content: "Déclaration à Paris."},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !Sniff([]byte(tc.in)) {
				t.Errorf("Sniff = false, want true")
			}
			f, err := Parse([]byte(tc.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if f.Title != tc.title {
				t.Errorf("title = %q, want %q", f.Title, tc.title)
			}
			if len(f.Items) != len(tc.want) {
				t.Fatalf("got %d items, want %d: %+v", len(f.Items), len(tc.want), f.Items)
			}
			for i, got := range f.Items {
				if got != tc.want[i] {
					t.Errorf("item %d:\ngot  %+v\nwant %+v", i, got, tc.want[i])
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, in string
		notFeed  bool
	}{
		{"html page", "<html><body><p>Not a feed</p></body></html>", true},
		{"empty", "", false},
		{"truncated", `<rss><channel><item><title>Half`, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse([]byte(tc.in))
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error", tc.in, f)
			}
			if errors.Is(err, ErrNotFeed) != tc.notFeed {
				t.Errorf("Parse(%q) error %v; ErrNotFeed want %v", tc.in, err, tc.notFeed)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{rss2, rss1, atom, latin1, "<feed><entry><content type='xhtml'><div/></content></entry></feed>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data)
		if err == nil && feed == nil {
			t.Fatal("nil feed without an error")
		}
	})
}
