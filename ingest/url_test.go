package ingest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/article"
)

// TestURLs fetches a feed and a page from a local server, as a user who
// names them on the command line would, and reads their articles.
func TestURLs(t *testing.T) {
	const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Desk</title>
<item><title>Army retakes town</title><link>https://example.org/a1</link><guid>a1</guid>
<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
<description>BAMAKO – Malian troops retook the town of Ber from armed groups on Tuesday, the army said.</description></item>
</channel></rss>`
	const page = `<html><head><title>Teachers march in Dakar</title></head><body><nav>Home | World</nav>
<article><h1>Teachers march in Dakar</h1><p>DAKAR – Several thousand teachers marched through central Dakar on Tuesday to demand higher pay, union leaders said.</p>
<p>Police watched without intervening, and the march ended peacefully in the afternoon.</p></article><footer>About us</footer></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/world.rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(rss))
		case "/story":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(page))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	tests := []struct {
		name, url string
		want      string // a phrase of the article's text; "" for a failure
	}{
		{"feed", srv.URL + "/world.rss", "Malian troops retook the town"},
		{"page", srv.URL + "/story", "Several thousand teachers marched"},
		{"missing", srv.URL + "/gone", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ins, err := Expand([]string{tt.url})
			if err != nil || len(ins) != 1 {
				t.Fatalf("Expand(%q) = %v, %v", tt.url, ins, err)
			}
			data, label, err := Load(ins[0], nil)
			if tt.want == "" {
				if err == nil || !strings.Contains(err.Error(), "404") {
					t.Fatalf("Load(%q): want a 404 error naming the address, got %v", tt.url, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			arts, fails := Read(label, data, article.Options{})
			if len(fails) > 0 || len(arts) != 1 || !strings.Contains(arts[0].Text, tt.want) {
				t.Fatalf("Read(%q): %d articles %+v, failures %+v", label, len(arts), arts, fails)
			}
		})
	}
}
