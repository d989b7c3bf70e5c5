//go:build !unix

package cli

import "time"

// processCPU cannot tell here: the time limit is then on the wall clock.
func processCPU() (time.Duration, bool) { return 0, false }

// processGone cannot tell here, so no result file is taken for stale.
func processGone(int) bool { return false }
