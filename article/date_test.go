package article

import (
	"errors"
	"strings"
	"testing"
)

func TestNormaliseDate(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"iso", "2017-09-05", "2017-09-05"},
		{"iso padded", "  2017-09-05\n", "2017-09-05"},
		{"rfc3339 utc", "2017-09-05T10:00:00Z", "2017-09-05"},
		{"rfc3339 offset keeps local date", "2017-09-05T23:30:00-05:00", "2017-09-05"},
		{"iso with space and seconds", "1987-02-26 15:01:01", "1987-02-26"},
		{"iso without zone", "1987-02-26T15:01:01", "1987-02-26"},
		{"slashes year first", "2017/09/05", "2017-09-05"},
		{"compact", "20170905", "2017-09-05"},
		{"rfc1123", "Tue, 05 Sep 2017 10:00:00 GMT", "2017-09-05"},
		{"rfc1123z", "Tue, 05 Sep 2017 10:00:00 +0430", "2017-09-05"},
		{"rfc822 one-digit day", "Tue, 5 Sep 2017 10:00 IRDT", "2017-09-05"},
		{"month day year", "September 5, 2017", "2017-09-05"},
		{"sept abbreviation", "Sept. 5, 2017", "2017-09-05"},
		{"sep no comma", "Sep 5 2017", "2017-09-05"},
		{"day month year", "5 September 2017", "2017-09-05"},
		{"ordinal", "September 5th, 2017", "2017-09-05"},
		{"weekday and lower case", "tuesday, september 5, 2017", "2017-09-05"},
		{"with time", "September 5, 2017 at 10:31 am", "2017-09-05"},
		{"leap day", "2016-02-29", "2016-02-29"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NormaliseDate(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("NormaliseDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestNormaliseDateRejects(t *testing.T) {
	for name, in := range map[string]string{
		"ambiguous numeric": "05/09/2017",
		"no such day":       "2017-02-30",
		"month only":        "September 2017",
		"words":             "last Tuesday",
		"empty":             "",
		"trailing junk":     "September 5, 2017 in Tehran",
		"not a leap year":   "2017-02-29",
	} {
		t.Run(name, func(t *testing.T) {
			got, err := NormaliseDate(in)
			if err == nil {
				t.Fatalf("NormaliseDate(%q) = %q, want an error", in, got)
			}
			if !errors.Is(err, ErrPublished) || !strings.Contains(err.Error(), "\""+in+"\"") {
				t.Errorf("error %q should wrap ErrPublished and name the value", err)
			}
		})
	}
}
