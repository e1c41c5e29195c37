package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestConfigDir checks that knowledge-base files in the user's
// configuration directory are used when --kb is not given.
func TestConfigDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	dir := filepath.Join(home, "khaldun", "kb")
	if got := orConfigDir("", "kb"); got != "" {
		t.Fatalf("orConfigDir with no directory = %q, want empty", got)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := orConfigDir("", "kb"); got != dir {
		t.Errorf("orConfigDir = %q, want %q", got, dir)
	}
	if got := orConfigDir("/explicit", "kb"); got != "/explicit" {
		t.Errorf("an explicit --kb must win, got %q", got)
	}
}
