package runner

import (
	"slices"
	"sort"
	"testing"

	"github.com/gotour-gpm/gotour-gpm/runner/internal/stdsym"
)

// TestStdsymMatchesAllowlist checks that internal/stdsym generates exactly
// the compiled packages the runner uses: every package of allowedStdlib,
// plus the real time and math/rand that exports.go gives the shadow
// sources under realtimePath and realrandPath. A package added to
// allowedStdlib without symbols, or symbols left for a package that was
// removed, fails here; stdsym's own tests check the files against its
// go:generate line.
func TestStdsymMatchesAllowlist(t *testing.T) {
	want := []string{exportKey("math/rand"), exportKey("time")}
	for _, p := range allowedStdlib {
		want = append(want, exportKey(p))
	}
	sort.Strings(want)
	var got []string
	for k := range stdsym.Symbols {
		got = append(got, k)
	}
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("stdsym.Symbols has %v, want %v: edit the go:generate line of runner/internal/stdsym/stdsym.go and run go generate ./runner/internal/stdsym", got, want)
	}
	if n := len(stdlibExports()); n != len(allowedStdlib) {
		t.Errorf("stdlibExports() has %d packages, want the %d of allowedStdlib", n, len(allowedStdlib))
	}
}
