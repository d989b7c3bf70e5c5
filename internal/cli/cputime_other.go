//go:build !unix

package cli

import "time"

// processCPU cannot tell here: the time limit is then on the wall clock.
func processCPU() (time.Duration, bool) { return 0, false }
