package termview

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// Cache keeps what a lesson view drew under each snippet it ran, its
// output and pictures, for the next view (Options.Cache): a snippet's run
// depends only on its code and settings and on the build of the program
// that ran it, and is deterministic, so a later view need not run it
// again. What is kept is the drawing rather than the run, whose trace can
// take megabytes; it is keyed by the width, colour and language too. The
// CLI keeps them in the user's cache directory, one directory per build.
type Cache interface {
	// Get returns what is stored under key, or false for a miss. What it
	// cannot read back whole is a miss.
	Get(key string) ([]byte, bool)
	// Put stores data under key. Failing to store is not an error: the
	// next view runs the snippet again.
	Put(key string, data []byte)
}

// cached returns what Options.Cache holds for each snippet, nil for a
// miss, or nil without a cache.
func (r *Renderer) cached(snippets []*tour.Snippet) [][]byte {
	if r.opts.Cache == nil {
		return nil
	}
	out := make([][]byte, len(snippets))
	for i, sn := range snippets {
		if sn.Info.NoRun || sn.Info.NoBuild {
			continue
		}
		if data, ok := r.opts.Cache.Get(r.blockKey(sn)); ok {
			out[i] = data
		}
	}
	return out
}

// blockKey names what is drawn under snippet sn: a hash of everything it
// depends on besides the build, the format's version first.
func (r *Renderer) blockKey(sn *tour.Snippet) string {
	in := sn.Info
	h := sha256.New()
	fmt.Fprintf(h, "termview block v1\x00%s.go\x00procs=%d cpus=%d seed=%d\x00", sn.ID, in.Procs, in.CPUs, in.Seed)
	fmt.Fprintf(h, "lang=%s width=%d color=%t timeout=%d\x00%s\x00", r.opts.Lang, r.opts.Width, r.opts.Color, r.opts.Timeout, in.Show)
	h.Write([]byte(sn.Code))
	if sn.Output != nil {
		// The verdict compares the run with the lesson's output blocks.
		fmt.Fprintf(h, "\x00%+v", *sn.Output)
	}
	fmt.Fprintf(h, "\x00%s", in.Expect)
	return hex.EncodeToString(h.Sum(nil))
}

// cacheable reports whether a run may be kept: one that ended on its own.
// A timeout depends on the wall clock and the machine's load, and a tool
// error on neither the code nor the build.
func cacheable(res *runner.Result, err error) bool {
	return err == nil && res != nil && res.Outcome != runner.OutcomeTimeout && res.Outcome != runner.OutcomeInternal
}
