package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"testing"
)

// record writes one WARC record around block.
func record(typ, uri, id, ctype, block string) string {
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2017-09-05T10:00:00Z\r\n"+
		"WARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, uri, id, ctype, len(block), block)
}

const page = `<html><head><title>Syrian army breaks siege</title></head><body><p>The Syrian army broke a three-year siege of Deir ez-Zor on Tuesday.</p></body></html>`

func archive() []string {
	plain := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: " + fmt.Sprint(len(page)) + "\r\n\r\n" + page
	chunked := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" +
		fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(page), page)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(page))
	zw.Close()
	compressed := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"iso-8859-1\"\r\nContent-Encoding: gzip\r\nContent-Length: " +
		fmt.Sprint(gz.Len()) + "\r\n\r\n" + gz.String()
	return []string{
		record("warcinfo", "", "0000", "application/warc-fields", "software: khaldun-test\r\n"),
		record("request", "https://news.example.org/a", "0001", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: news.example.org\r\n\r\n"),
		record("response", "https://news.example.org/a", "0002", "application/http; msgtype=response", plain),
		record("response", "https://news.example.org/b", "0003", "application/http; msgtype=response", chunked),
		record("response", "https://news.example.org/c", "0004", "application/http; msgtype=response", compressed),
	}
}

func TestReader(t *testing.T) {
	recs := archive()
	whole := []byte(fmt.Sprint(recs[0], recs[1], recs[2], recs[3], recs[4]))
	var perRecord bytes.Buffer
	for _, r := range recs {
		zw := gzip.NewWriter(&perRecord)
		zw.Write([]byte(r))
		zw.Close()
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"plain", whole},
		{"gzip per record", perRecord.Bytes()},
	}
	wantTypes := []string{"warcinfo", "request", "response", "response", "response"}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewReader(bytes.NewReader(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			var got []*Record
			for {
				rec, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("record %d: %v", len(got)+1, err)
				}
				got = append(got, rec)
			}
			if len(got) != len(wantTypes) {
				t.Fatalf("got %d records, want %d", len(got), len(wantTypes))
			}
			for i, rec := range got {
				if rec.Type != wantTypes[i] {
					t.Errorf("record %d type %q, want %q", i, rec.Type, wantTypes[i])
				}
			}
			if got[2].ID != "urn:uuid:0002" || got[2].TargetURI != "https://news.example.org/a" || got[2].Date != "2017-09-05T10:00:00Z" {
				t.Errorf("record 3 header = %q %q %q", got[2].ID, got[2].TargetURI, got[2].Date)
			}
			for i, charset := range map[int]string{2: "utf-8", 3: "", 4: "iso-8859-1"} {
				resp, err := got[i].Response()
				if err != nil {
					t.Fatalf("record %d response: %v", i, err)
				}
				if resp.Status != 200 || resp.ContentType != "text/html" || resp.Charset != charset || string(resp.Body) != page {
					t.Errorf("record %d response = %d %q %q %q", i, resp.Status, resp.ContentType, resp.Charset, resp.Body)
				}
			}
			if _, err := got[1].Response(); err == nil {
				t.Errorf("a request record parsed as a response")
			}
		})
	}
}

func TestReaderErrors(t *testing.T) {
	good := archive()[2]
	cases := []struct {
		name string
		data string
		want error
	}{
		{"not warc", "HTTP/1.1 200 OK\r\n\r\n", ErrFormat},
		{"bad length", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n", ErrFormat},
		{"truncated block", good[:len(good)-40], io.ErrUnexpectedEOF},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewReader(bytes.NewReader([]byte(tc.data)))
			if err != nil {
				t.Fatal(err)
			}
			_, err = r.Next()
			if !errors.Is(err, tc.want) {
				t.Errorf("Next() error = %v, want %v", err, tc.want)
			}
		})
	}
}

func FuzzReader(f *testing.F) {
	for _, r := range archive() {
		f.Add([]byte(r))
	}
	f.Add([]byte("WARC/1.0\r\nContent-Length: 3\r\n\r\nabc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		for i := 0; i < 100; i++ {
			rec, err := r.Next()
			if err != nil && !errors.Is(err, ErrTooLarge) {
				return
			}
			if rec != nil && rec.Type == "response" {
				rec.Response()
			}
		}
	})
}
