// Package warc owns the reading of WARC files (versions 1.0 and 1.1, the
// format web archives and Common Crawl News ship): their records, one at a
// time, whole files or gzip-compressed record by record, and the HTTP
// responses inside response records.
package warc
