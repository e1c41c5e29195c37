package article

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// checkBytes validates the raw bytes of one article: not empty, not larger
// than MaxArticleBytes, not binary, and valid UTF-8.
func checkBytes(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if len(data) > MaxArticleBytes {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), MaxArticleBytes)
	}
	if binary(data) {
		return ErrBinary
	}
	if off := badUTF8(data); off >= 0 {
		return fmt.Errorf("%w at byte %d", ErrUTF8, off)
	}
	return nil
}

// binary reports whether data looks like something other than text: it holds
// a NUL byte, or more than a tenth of its first 8 KiB are control characters
// or bytes that cannot start a UTF-8 sequence. Text in a legacy 8-bit
// encoding such as Latin-1 is not binary; it is reported as invalid UTF-8.
func binary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	sample := data
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	odd := 0
	for i := 0; i < len(sample); {
		r, size := utf8.DecodeRune(sample[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			// A truncated sequence at the end of the sample is not evidence.
			if len(sample)-i >= utf8.UTFMax || len(sample) == len(data) {
				odd++
			}
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != 0x1b:
			odd++
		case r == 0x7f:
			odd++
		}
		i += size
	}
	return odd*10 > len(sample) && odd > 2
}

// badUTF8 returns the byte offset of the first invalid UTF-8 sequence in
// data, or -1 when data is valid.
func badUTF8(data []byte) int {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
