package termview

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// Cache keeps the runs of snippets from one lesson view to the next
// (Options.Cache): a snippet's run depends only on its code and settings
// and on the build of the program that ran it, and is deterministic, so
// a later view need not run it again. The CLI keeps them in the user's
// cache directory, one directory per build.
type Cache interface {
	// Get returns the run stored under key, or false for a miss. A run
	// it cannot read back whole is a miss.
	Get(key string) (*runner.Result, bool)
	// Put stores res under key. Failing to store is not an error: the
	// next view runs the snippet again.
	Put(key string, res *runner.Result)
}

// cacheKey names a snippet's run in a Cache: a hash of everything the run
// depends on besides the build, the format's version first.
func cacheKey(sn *tour.Snippet) string {
	in := sn.Info
	h := sha256.New()
	fmt.Fprintf(h, "termview run v1\x00%s.go\x00procs=%d cpus=%d seed=%d\x00", sn.ID, in.Procs, in.CPUs, in.Seed)
	h.Write([]byte(sn.Code))
	return hex.EncodeToString(h.Sum(nil))
}

// cacheable reports whether a run may be kept: one that ended on its own.
// A timeout depends on the wall clock and the machine's load, and a tool
// error on neither the code nor the build.
func cacheable(res *runner.Result, err error) bool {
	return err == nil && res != nil && res.Outcome != runner.OutcomeTimeout && res.Outcome != runner.OutcomeInternal
}
