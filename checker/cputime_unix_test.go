//go:build unix

package checker_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time, user plus system, that this process has used:
// the benchmark reports it besides wall-clock time, which depends on what
// else the machine is doing.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
