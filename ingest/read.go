package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/article"
	"github.com/khaldun/khaldun/feed"
	"github.com/khaldun/khaldun/warc"
)

// maxInput is the largest input file read (after decompression).
const maxInput = 4 << 30

// Expand turns the arguments (files, directories, "-") into the input
// files to read: a directory stands for the article, feed and WARC files
// under it, in name order.
func Expand(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if a == "-" || isURL(a) {
			out = append(out, a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, err)
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && inputFile(p) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, err)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// inputFile reports, by its extension, whether a file met in a directory
// holds articles.
func inputFile(p string) bool {
	p = strings.TrimSuffix(strings.ToLower(p), ".gz")
	switch filepath.Ext(p) {
	case ".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".rss", ".atom", ".xml", ".warc", ".arc":
		return true
	}
	return false
}

// Load reads the bytes of one input ("-" for stdin, or an http(s)
// address), gunzipping a .gz file (WARC files are left compressed: their
// reader knows gzip). It returns the name the input is known by for format
// detection.
func Load(name string, stdin io.Reader) (data []byte, label string, err error) {
	if isURL(name) {
		return fetch(name)
	}
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, name, err
		}
		defer f.Close()
		r = f
	}
	label = name
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".gz") && !strings.HasSuffix(lower, ".warc.gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, name, fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		r = zr
		label = name[:len(name)-3]
	}
	data, err = io.ReadAll(io.LimitReader(r, maxInput))
	if err != nil {
		return nil, name, fmt.Errorf("%s: %w", name, err)
	}
	return data, label, nil
}

// Read turns the bytes of one input into articles, by its kind: a WARC
// file (by name, or by its first bytes), an RSS or Atom feed, or what
// article.Read accepts (text, HTML, JSON Lines). Every article that could
// not be read comes back as a failure naming the file; the others still
// come back.
func Read(name string, data []byte, opt article.Options) ([]khaldun.Article, []khaldun.Failure) {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz") || bytes.HasPrefix(data, []byte("WARC/")):
		return readWARC(name, data, opt)
	case opt.Format == "" && (strings.HasSuffix(lower, ".rss") || strings.HasSuffix(lower, ".atom") ||
		(!strings.HasSuffix(lower, ".html") && !strings.HasSuffix(lower, ".htm") && feed.Sniff(data))):
		return readFeed(name, data, opt)
	}
	arts, errs := article.Read(name, data, opt)
	return arts, failures(name, errs)
}

// failures turns article.Read's errors into failures.
func failures(name string, errs []error) []khaldun.Failure {
	out := make([]khaldun.Failure, 0, len(errs))
	for _, err := range errs {
		var ae *article.Error
		if errors.As(err, &ae) {
			out = append(out, khaldun.Failure{File: ae.File, Line: ae.Line, ID: ae.ID, Problem: ae.Err.Error()})
			continue
		}
		out = append(out, khaldun.Failure{File: name, Problem: err.Error()})
	}
	return out
}

// usable reports whether an article read with err is still to be coded:
// only a bad published date leaves the article whole.
func usable(err error) bool { return err == nil || errors.Is(err, article.ErrPublished) }

func readFeed(name string, data []byte, opt article.Options) ([]khaldun.Article, []khaldun.Failure) {
	f, err := feed.Parse(data)
	if err != nil {
		return nil, []khaldun.Failure{{File: name, Problem: err.Error()}}
	}
	var arts []khaldun.Article
	var fails []khaldun.Failure
	for i, it := range f.Items {
		o := opt
		if it.Link != "" {
			o.URL = it.Link
		}
		if it.Published != "" {
			o.Published = it.Published
		}
		if o.Source == "" {
			o.Source = f.Title
		}
		page := "<html><head><title>" + html.EscapeString(it.Title) + "</title></head><body><article>" +
			it.Content + "</article></body></html>"
		a, err := article.FromHTML(it.ID, []byte(page), o)
		if err != nil {
			fails = append(fails, khaldun.Failure{File: name, Line: i + 1, ID: it.ID, Problem: "feed item: " + err.Error()})
		}
		if usable(err) {
			if a.Title == "" {
				a.Title = it.Title
			}
			arts = append(arts, a)
		}
	}
	return arts, fails
}

// readWARC reads the HTML pages of a WARC file's successful responses;
// the Line of a failure is the record's number in the file.
func readWARC(name string, data []byte, opt article.Options) ([]khaldun.Article, []khaldun.Failure) {
	r, err := warc.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, []khaldun.Failure{{File: name, Problem: err.Error()}}
	}
	var arts []khaldun.Article
	var fails []khaldun.Failure
	for n := 1; ; n++ {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fails = append(fails, khaldun.Failure{File: name, Line: n, Problem: err.Error()})
			if errors.Is(err, warc.ErrTooLarge) {
				continue
			}
			break
		}
		if rec.Type != "response" {
			continue
		}
		resp, err := rec.Response()
		if err != nil {
			fails = append(fails, khaldun.Failure{File: name, Line: n, ID: rec.ID, Problem: err.Error()})
			continue
		}
		if resp.Status/100 != 2 || (resp.ContentType != "text/html" && resp.ContentType != "application/xhtml+xml") {
			continue // redirects, robots.txt, images: not articles
		}
		body, err := utf8Body(resp)
		if err != nil {
			fails = append(fails, khaldun.Failure{File: name, Line: n, ID: rec.ID, Problem: err.Error()})
			continue
		}
		o := opt
		o.URL = rec.TargetURI
		a, err := article.FromHTML(rec.ID, body, o)
		if err != nil {
			fails = append(fails, khaldun.Failure{File: name, Line: n, ID: rec.ID, Problem: err.Error()})
		}
		if usable(err) {
			arts = append(arts, a)
		}
	}
	return arts, fails
}

// utf8Body converts an HTML body to UTF-8, by the charset its header or
// its meta tags declare.
func utf8Body(resp *warc.Response) ([]byte, error) {
	ct := resp.ContentType
	if resp.Charset != "" {
		ct += "; charset=" + resp.Charset
	}
	r, err := charset.NewReader(bytes.NewReader(resp.Body), ct)
	if err != nil {
		return nil, fmt.Errorf("charset: %w", err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("charset: %w", err)
	}
	return b, nil
}

// isURL reports whether an input names a web address rather than a file.
func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// client fetches the feeds and pages a user names on the command line;
// khaldun goes to the network only then.
var client = &http.Client{Timeout: 60 * time.Second}

// fetch downloads one feed or page. The label keeps the address, whose
// path tells the format when it can ("/world.rss"); the content decides
// otherwise.
func fetch(u string) ([]byte, string, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, u, fmt.Errorf("%s: %w", u, err)
	}
	req.Header.Set("User-Agent", "khaldun (+https://github.com/khaldun/khaldun)")
	resp, err := client.Do(req)
	if err != nil {
		return nil, u, fmt.Errorf("%s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, u, fmt.Errorf("%s: %s", u, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, article.MaxArticleBytes*8))
	if err != nil {
		return nil, u, fmt.Errorf("%s: %w", u, err)
	}
	label := u
	if i := strings.IndexAny(label, "?#"); i >= 0 {
		label = label[:i]
	}
	if ct := resp.Header.Get("Content-Type"); strings.Contains(ct, "html") && !strings.HasSuffix(strings.ToLower(label), ".html") {
		label += ".html"
	}
	return data, label, nil
}
