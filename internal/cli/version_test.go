package cli

import (
	"runtime/debug"
	"testing"
)

func TestResolveVersion(t *testing.T) {
	info := func(v string) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Path: "github.com/gotour-gpm/gotour-gpm", Version: v}}
	}
	tests := []struct {
		name   string
		linked string
		bi     *debug.BuildInfo
		want   string
	}{
		{"ldflags win", "v1.2.3", info("v1.0.0"), "v1.2.3"},
		{"go install module@version", "", info("v1.0.0"), "v1.0.0"},
		{"go build in a checkout", "", info("(devel)"), "devel"},
		{"no module version", "", info(""), "devel"},
		{"no build info", "", nil, "devel"},
	}
	for _, tt := range tests {
		if got := resolveVersion(tt.linked, tt.bi); got != tt.want {
			t.Errorf("%s: resolveVersion(%q, ...) = %q, want %q", tt.name, tt.linked, got, tt.want)
		}
	}
}
