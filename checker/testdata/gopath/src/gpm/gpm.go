// Package gpm stands in for the simulator's package gpm when the corpus
// runs with the real toolchain (real_test.go): Work keeps the CPU busy
// for d of real time; what only the simulator knows is zero.
package gpm

import "time"

// Work spins for d, as CPU work of that length.
func Work(d time.Duration) {
	for end := time.Now().Add(d); time.Now().Before(end); {
	}
}

// Syscall blocks for d, as a system call would.
func Syscall(d time.Duration) { time.Sleep(d) }

// StackSize is unknown outside the simulator.
func StackSize() int { return 0 }

// Goid is unknown outside the simulator.
func Goid() int64 { return 0 }

// Snapshot does nothing outside the simulator.
func Snapshot(label string) {}

// State is empty outside the simulator.
func State() string { return "" }
