package event

import "testing"

func TestOntologyLoads(t *testing.T) {
	if err := ontologyErr(); err != nil {
		t.Fatal(err)
	}
	codes := Codes()
	if len(codes) < 300 {
		t.Errorf("got %d codes, want at least 300", len(codes))
	}
	roots := map[Code]bool{}
	for _, c := range codes {
		info, _ := Lookup(c)
		roots[Root(c)] = true
		if c != Root(c) {
			if _, ok := Lookup(Root(c)); !ok {
				t.Errorf("%s: root %s missing", c, Root(c))
			}
		}
		if len(c) == 4 {
			if _, ok := Lookup(c[:3]); !ok {
				t.Errorf("%s: parent %s missing", c, c[:3])
			}
		}
		if info.Type != "" && !knownType(info.Type) {
			t.Errorf("%s: type %q is not a PLOVER type", c, info.Type)
		}
		if (Root(c) == "03") != (info.Mode == "intention") {
			t.Errorf("%s: mode %q", c, info.Mode)
		}
	}
	if len(roots) != 20 {
		t.Errorf("got %d roots, want 20", len(roots))
	}
}

func knownType(t Type) bool {
	for _, k := range Types {
		if k == t {
			return true
		}
	}
	return false
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code      Code
		name      string
		goldstein float64
		quad      int
		typ       Type
		mode      string
	}{
		{"051", "Praise or endorse", 3.4, 1, Support, ""},
		{"036", "Express intent to meet or negotiate", 4.0, 1, Consult, "intention"},
		{"0333", "Express intent to provide humanitarian aid", 5.2, 1, Aid, "intention"},
		{"042", "Make a visit", 1.9, 1, Consult, ""},
		{"057", "Sign formal agreement", 8.0, 1, Agree, ""},
		{"073", "Provide humanitarian aid", 7.4, 2, Aid, ""},
		{"0841", "Return, release person(s)", 7.0, 2, Retreat, ""},
		{"0871", "Declare truce, ceasefire", 10.0, 2, Retreat, ""},
		{"112", "Accuse, not specified below", -2.0, 3, Disapprove, ""},
		{"138", "Threaten to use military force, not specified below", -7.0, 3, Threaten, ""},
		{"141", "Demonstrate or rally, not specified below", -6.5, 4, Protest, ""},
		{"163", "Impose embargo, boycott, or sanctions", -8.0, 4, Sanction, ""},
		{"173", "Arrest, detain, or charge with legal action", -5.0, 4, Coerce, ""},
		{"186", "Assassinate", -10.0, 4, Assault, ""},
		{"190", "Use conventional military force, not specified below", -10.0, 4, Fight, ""},
		{"2041", "Use chemical, biological, or radiological weapons", -10.0, 4, Fight, ""},
		{"10", "Demand", -5.0, 3, Demand, ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.code), func(t *testing.T) {
			got, ok := Lookup(tt.code)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tt.code)
			}
			if got.Name != tt.name || got.Goldstein != tt.goldstein || got.Quad != tt.quad || got.Type != tt.typ || got.Mode != tt.mode {
				t.Errorf("Lookup(%q) = %+v, want name %q goldstein %v quad %d type %s mode %q",
					tt.code, got, tt.name, tt.goldstein, tt.quad, tt.typ, tt.mode)
			}
		})
	}
	for _, bad := range []Code{"", "5", "999", "0a1", "05111"} {
		if _, ok := Lookup(bad); ok {
			t.Errorf("Lookup(%q) found a code", bad)
		}
	}
}

func TestQuadFollowsRoot(t *testing.T) {
	for _, c := range Codes() {
		info, _ := Lookup(c)
		r := Root(c)
		want := 4
		switch {
		case r <= "05":
			want = 1
		case r <= "08":
			want = 2
		case r <= "13":
			want = 3
		}
		if info.Quad != want {
			t.Errorf("%s: quad %d, want %d", c, info.Quad, want)
		}
	}
}

func TestRoot(t *testing.T) {
	tests := map[Code]Code{"0841": "08", "190": "19", "20": "20", "x1": "", "": "", "12345": ""}
	for in, want := range tests {
		if got := Root(in); got != want {
			t.Errorf("Root(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIntentCode(t *testing.T) {
	tests := []struct {
		in, want Code
		ok       bool
	}{
		{"073", "0333", true},
		{"070", "033", true},
		{"042", "036", true},
		{"045", "039", true},
		{"0871", "0356", true},
		{"036", "036", true},
		{"190", "", false},
	}
	for _, tt := range tests {
		got, ok := IntentCode(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("IntentCode(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
		if ok {
			if _, found := Lookup(got); !found {
				t.Errorf("IntentCode(%q) = %q, not in the table", tt.in, got)
			}
		}
	}
	for from, to := range intentOf {
		if _, ok := Lookup(from); !ok {
			t.Errorf("intentOf key %s not in table", from)
		}
		if _, ok := Lookup(to); !ok || Root(to) != "03" {
			t.Errorf("intentOf[%s] = %s: not an 03 code in the table", from, to)
		}
	}
}

func TestPOLECAT(t *testing.T) {
	tests := map[Type]Type{Demand: "REQUEST", Disapprove: "ACCUSE", Investigate: "ACCUSE", Fight: Assault, Consult: Consult}
	for in, want := range tests {
		if got := in.POLECAT(); got != want {
			t.Errorf("%s.POLECAT() = %s, want %s", in, got, want)
		}
	}
}

func TestParseCAMEOErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"fields", "051\tPraise\t3.4\t1\tSUPPORT\n", "t.tsv:1: want 7"},
		{"code", "05x\tPraise\t3.4\t1\tSUPPORT\t\t\n", "t.tsv:1: malformed code"},
		{"goldstein", "051\tPraise\tlots\t1\tSUPPORT\t\t\n", "t.tsv:1: goldstein"},
		{"quad", "051\tPraise\t3.4\t7\tSUPPORT\t\t\n", "t.tsv:1: quad"},
		{"dup", "051\tPraise\t3.4\t1\tSUPPORT\t\t\n051\tPraise\t3.4\t1\tSUPPORT\t\t\n", "t.tsv:2: duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseCAMEO([]byte(tt.in), "t.tsv")
			if err == nil || !contains(err.Error(), tt.want) {
				t.Errorf("parseCAMEO(%q) error = %v, want %q", tt.in, err, tt.want)
			}
		})
	}
}
