package kb

import "sort"

// Countries returns every country and territory, ordered by ISO3 code.
func (k *KB) Countries() []Country {
	out := make([]Country, 0, len(k.countries))
	for _, c := range k.countries {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ISO3 < out[j].ISO3 })
	return out
}
