package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// WriteFigures writes every report as an aligned table of figures: a
// header line per set, then one line per score.
func WriteFigures(w io.Writer, reports []Report) error {
	for i, r := range reports {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s (%s): %d records", r.Set, r.Task, r.Records)
		if r.Skipped > 0 {
			fmt.Fprintf(w, ", %d skipped", r.Skipped)
		}
		if r.TextChanged > 0 {
			fmt.Fprintf(w, ", %d with text changed by the coder", r.TextChanged)
		}
		fmt.Fprintln(w)
		if r.Err != "" {
			fmt.Fprintf(w, "  error: %s\n", r.Err)
			continue
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		if hasPRF(r.Scores) {
			fmt.Fprintln(tw, "  metric\tP\tR\tF1\tgold\tpred\thit\t")
			for _, s := range r.Scores {
				if s.PRF != nil {
					c := s.PRF
					fmt.Fprintf(tw, "  %s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t\n", s.Name, c.P(), c.R(), c.F1(), c.Gold, c.Pred, c.GoldHit)
				}
			}
		}
		if hasValue(r.Scores) {
			fmt.Fprintln(tw, "  metric\tvalue\tn\t")
			for _, s := range r.Scores {
				if s.PRF == nil {
					fmt.Fprintf(tw, "  %s\t%s\t%d\t\n", s.Name, formatValue(s), s.N)
				}
			}
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("write figures: %w", err)
		}
	}
	return nil
}

// formatValue shows a ratio with three decimals and a distance in km
// with one.
func formatValue(s Score) string {
	if s.Lower {
		return fmt.Sprintf("%.1f", s.Value)
	}
	return fmt.Sprintf("%.3f", s.Value)
}

func hasPRF(ss []Score) bool {
	for _, s := range ss {
		if s.PRF != nil {
			return true
		}
	}
	return false
}

func hasValue(ss []Score) bool {
	for _, s := range ss {
		if s.PRF == nil {
			return true
		}
	}
	return false
}

// WriteErrors writes the worst cases of every report that has any.
func WriteErrors(w io.Writer, reports []Report) error {
	for _, r := range reports {
		if len(r.Errors) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s: %d worst errors\n", r.Set, len(r.Errors))
		for _, c := range r.Errors {
			fmt.Fprintf(w, "\n  %s (%d)\n", c.ID, c.Cost)
			fmt.Fprintf(w, "    text:     %s\n", oneLine(c.Context))
			for _, e := range c.Expected {
				fmt.Fprintf(w, "    expected: %s\n", oneLine(e))
			}
			if len(c.Produced) == 0 {
				fmt.Fprintf(w, "    produced: nothing\n")
			}
			for _, p := range c.Produced {
				fmt.Fprintf(w, "    produced: %s\n", oneLine(p))
			}
		}
	}
	return nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// jsonReport is the JSON form of a report.
type jsonReport struct {
	Set         string             `json:"set"`
	Task        Task               `json:"task"`
	Records     int                `json:"records"`
	Skipped     int                `json:"skipped,omitempty"`
	TextChanged int                `json:"text_changed,omitempty"`
	Error       string             `json:"error,omitempty"`
	Figures     map[string]float64 `json:"figures"`
	Counts      map[string]PRF     `json:"counts,omitempty"`
	Errors      []jsonCase         `json:"errors,omitempty"`
}

type jsonCase struct {
	ID       string   `json:"id"`
	Text     string   `json:"text"`
	Expected []string `json:"expected"`
	Produced []string `json:"produced"`
}

// WriteJSON writes one JSON object per report, one per line: the set,
// its figures by name, the counts behind each P/R/F1, and the worst cases.
func WriteJSON(w io.Writer, reports []Report) error {
	enc := json.NewEncoder(w)
	for _, r := range reports {
		j := jsonReport{Set: r.Set, Task: r.Task, Records: r.Records, Skipped: r.Skipped, TextChanged: r.TextChanged, Error: r.Err,
			Figures: map[string]float64{}, Counts: map[string]PRF{}}
		for _, f := range r.Figures() {
			j.Figures[f.Name] = roundTo(f.Value, 6)
		}
		for _, s := range r.Scores {
			if s.PRF != nil {
				j.Counts[s.Name] = *s.PRF
			}
		}
		for _, c := range r.Errors {
			j.Errors = append(j.Errors, jsonCase{ID: c.ID, Text: c.Context, Expected: c.Expected, Produced: c.Produced})
		}
		if err := enc.Encode(j); err != nil {
			return fmt.Errorf("write json: %w", err)
		}
	}
	return nil
}

func roundTo(x float64, digits int) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', digits, 64), 64)
	return v
}

// Floor is the least value one figure of one set may take.
type Floor struct {
	Set, Metric string
	Min         float64
}

// ParseFloors reads a floors file: tab-separated set, metric and floor,
// '#' starting a comment line; name is used in error messages.
func ParseFloors(r io.Reader, name string) ([]Floor, error) {
	var out []Floor
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Fields(s)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want set, metric and floor, got %d fields", name, line, len(f))
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: floor: %w", name, line, err)
		}
		out = append(out, Floor{Set: f[0], Metric: f[1], Min: v})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// CheckFloors lists every floor a figure falls below, and every floor
// that names a figure the reports do not have.
func CheckFloors(reports []Report, floors []Floor) []string {
	fig := map[[2]string]float64{}
	for _, r := range reports {
		for _, f := range r.Figures() {
			fig[[2]string{r.Set, f.Name}] = f.Value
		}
	}
	var bad []string
	for _, f := range floors {
		v, ok := fig[[2]string{f.Set, f.Metric}]
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("%s %s: no such figure", f.Set, f.Metric))
		case v < f.Min:
			bad = append(bad, fmt.Sprintf("%s %s: %.4f is below its floor %.4f", f.Set, f.Metric, v, f.Min))
		}
	}
	return bad
}
