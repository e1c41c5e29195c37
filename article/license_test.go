package article

import "testing"

func TestNormaliseLicense(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CC BY 4.0", "CC-BY-4.0"},
		{"cc-by-sa-3.0", "CC-BY-SA-3.0"},
		{"CC BY-NC-ND 4.0", "CC-BY-NC-ND-4.0"},
		{"Creative Commons Attribution 4.0 International", "CC-BY-4.0"},
		{"Creative Commons Attribution-NonCommercial-ShareAlike 3.0 Unported License", "CC-BY-NC-SA-3.0"},
		{"Creative Commons Attribution-NoDerivs 2.5", "CC-BY-ND-2.5"},
		{"Creative Commons Attribution-NonCommercial 2.0 Generic", "CC-BY-NC-2.0"},
		{"https://creativecommons.org/licenses/by-sa/3.0/", "CC-BY-SA-3.0"},
		{"http://creativecommons.org/licenses/by-nc/4.0/deed.en", "CC-BY-NC-4.0"},
		{"https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"},
		{"CC0", "CC0-1.0"},
		{"CC0 1.0 Universal", "CC0-1.0"},
		{"Public Domain", "public domain"},
		{"CC BY-SA", "CC-BY-SA"},
		{"  MIT  ", "MIT"},
		{"CC BY 4.0 (dataset); article text belongs to the outlets", "CC BY 4.0 (dataset); article text belongs to the outlets"},
		{"All rights reserved", "All rights reserved"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := NormaliseLicense(tc.in); got != tc.want {
				t.Errorf("NormaliseLicense(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestStripTail(t *testing.T) {
	const story = "ANKARA – Turkey's parliament approved the bill late on Thursday after a 14-hour debate.\n\nThe opposition said it would appeal to the constitutional court."
	tests := []struct {
		name, body, license string
	}{
		{"licence sentence with initials", story + " \nKM/HR All Content by Example News Agency is licensed under a Creative Commons Attribution 4.0 International License.", "CC-BY-4.0"},
		{"licence on its own paragraph", story + "\n\nThis article is published under a Creative Commons Attribution-ShareAlike 4.0 licence.", "CC-BY-SA-4.0"},
		{"licence after the last sentence", story[:len(story)-1] + ". This work is licensed under CC BY-NC-ND 3.0.", "CC-BY-NC-ND-3.0"},
		{"licence url", story + "\n\nLicence: https://creativecommons.org/licenses/by/2.0/", "CC-BY-2.0"},
		{"public domain", story + "\n\nThis article is in the public domain.", "public domain"},
		{"reuters credits", story + "\n(Reporting by Jane Doe; Editing by John Roe)", ""},
		{"credits and sign-off", story + " (Additional reporting by Ali Veli in Istanbul; Writing by Jane Doe)\n-- Reuters", ""},
		{"tass sign-off", story + " /TASS/", ""},
		{"dash agency", story + " -AFP", ""},
		{"1987 sign-off", story + "\n Reuter", ""},
		{"1987 sign-off in capitals", story + "\n REUTER\n", ""},
		{"initials alone", story + "\nAW/PR", ""},
		{"cc0 at the end", story + "\n\nText released under CC0.", "CC0-1.0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, license := stripTail(tc.body)
			if got != story || license != tc.license {
				t.Errorf("stripTail(%q)\n got %q, %q\nwant %q, %q", tc.body, got, license, story, tc.license)
			}
		})
	}
}

func TestStripTailKeepsContent(t *testing.T) {
	tests := []struct{ name, body, license string }{
		{"licence mid-story", "The photographs, shared under a Creative Commons Attribution 2.0 licence, spread quickly. Officials declined to comment.", "CC-BY-2.0"},
		{"ends with an acronym", "Both sides agreed to refer the dispute to the WTO", ""},
		{"ends with a quote", "“We will not retreat,” he told AFP.", ""},
		{"last word is a name", "The statement was signed by Lavrentiev.\n\nMoscow", ""},
		{"ends with a hyphenated word", "The deal was described as a win-win", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, license := stripTail(tc.body)
			if got != tc.body || license != tc.license {
				t.Errorf("stripTail(%q) = %q, %q; want the body unchanged and %q", tc.body, got, license, tc.license)
			}
		})
	}
}
