//go:build unix

package cli

import (
	"errors"
	"syscall"
	"time"
)

// processCPU is the CPU time, user and system, that this process has
// used so far (getrusage(2), RUSAGE_SELF).
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}

// processGone reports whether no process has id pid (kill(2) with
// signal 0 answers ESRCH).
func processGone(pid int) bool {
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
