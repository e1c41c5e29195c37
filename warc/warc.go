package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
)

// MaxBlock is the largest record block read; larger records are skipped
// with ErrTooLarge.
const MaxBlock = 32 << 20

// Problems reported by Next; test for them with errors.Is.
var (
	ErrFormat   = errors.New("malformed warc record")
	ErrTooLarge = errors.New("record too large")
)

// Record is one WARC record: its type (response, request, warcinfo,
// resource, metadata, ...), the named header fields, and its block.
type Record struct {
	Type        string
	ID          string // WARC-Record-ID, without its angle brackets
	TargetURI   string
	Date        string // WARC-Date, as written
	ContentType string
	Header      textproto.MIMEHeader
	Block       []byte
}

// Reader reads the records of one WARC file in order.
type Reader struct {
	br *bufio.Reader
	n  int // records read
}

// NewReader returns a reader of r, which may be plain or gzip-compressed
// (as a whole, or one gzip member per record).
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReader(r)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("warc: %w", err)
		}
		br = bufio.NewReader(zr)
	}
	return &Reader{br: br}, nil
}

// Next returns the next record, or io.EOF after the last. After an error
// that wraps ErrTooLarge the reader can go on; after others it cannot.
func (r *Reader) Next() (*Record, error) {
	// skip the blank lines that end the previous record
	var line string
	for {
		l, err := r.br.ReadString('\n')
		if err == io.EOF && l == "" {
			return nil, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("warc record %d: %w", r.n+1, err)
		}
		if strings.TrimSpace(l) != "" {
			line = strings.TrimSpace(l)
			break
		}
		if err == io.EOF {
			return nil, io.EOF
		}
	}
	r.n++
	if line != "WARC/1.0" && line != "WARC/1.1" && line != "WARC/0.18" {
		return nil, fmt.Errorf("warc record %d: version line %.40q: %w", r.n, line, ErrFormat)
	}
	h, err := textproto.NewReader(r.br).ReadMIMEHeader()
	if err != nil {
		return nil, fmt.Errorf("warc record %d: header: %w: %w", r.n, ErrFormat, err)
	}
	size, err := strconv.ParseInt(strings.TrimSpace(h.Get("Content-Length")), 10, 64)
	if err != nil || size < 0 {
		return nil, fmt.Errorf("warc record %d: content-length %q: %w", r.n, h.Get("Content-Length"), ErrFormat)
	}
	rec := &Record{
		Type:        h.Get("WARC-Type"),
		ID:          strings.Trim(h.Get("WARC-Record-ID"), "<>"),
		TargetURI:   strings.Trim(h.Get("WARC-Target-URI"), "<>"),
		Date:        h.Get("WARC-Date"),
		ContentType: h.Get("Content-Type"),
		Header:      h,
	}
	if size > MaxBlock {
		if _, err := io.CopyN(io.Discard, r.br, size); err != nil {
			return nil, fmt.Errorf("warc record %d: %w", r.n, err)
		}
		return rec, fmt.Errorf("warc record %d (%s): %d bytes: %w", r.n, rec.TargetURI, size, ErrTooLarge)
	}
	// grow as the bytes arrive: a lying Content-Length costs nothing
	var buf bytes.Buffer
	buf.Grow(int(min(size, 1<<20)))
	if _, err := io.CopyN(&buf, r.br, size); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("warc record %d: block: %w", r.n, err)
	}
	rec.Block = buf.Bytes()
	return rec, nil
}

// Response is the HTTP response held by a response record.
type Response struct {
	Status      int
	ContentType string // the media type alone, lower case: "text/html"
	Charset     string // from the Content-Type parameters, "" when not given
	Body        []byte // de-chunked and, when the server compressed it, decompressed
}

// Response parses the record's block as an HTTP response.
func (rec *Record) Response() (*Response, error) {
	if rec.Type != "response" {
		return nil, fmt.Errorf("warc record %s: type %q is not response: %w", rec.ID, rec.Type, ErrFormat)
	}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(rec.Block)), nil)
	if err != nil {
		return nil, fmt.Errorf("warc record %s: http response: %w", rec.ID, err)
	}
	defer resp.Body.Close()
	var body io.Reader = resp.Body
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("warc record %s: gzip body: %w", rec.ID, err)
		}
		body = zr
	}
	data, err := io.ReadAll(io.LimitReader(body, MaxBlock))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, fmt.Errorf("warc record %s: body: %w", rec.ID, err)
	}
	out := &Response{Status: resp.StatusCode, Body: data}
	ct := resp.Header.Get("Content-Type")
	mt, params, _ := strings.Cut(ct, ";")
	out.ContentType = strings.ToLower(strings.TrimSpace(mt))
	for _, p := range strings.Split(params, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(k, "charset") {
			out.Charset = strings.ToLower(strings.Trim(v, `"' `))
		}
	}
	return out, nil
}
