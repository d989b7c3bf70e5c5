// Package gpm lets a program ask the simulator for what ordinary Go cannot
// express: a blocking system call of a given length, CPU work of a given
// length, a picture of the machine, the current goroutine's stack.
package gpm

import (
	"time"

	rt "gotour.gpm/rt"
)

// Syscall blocks the calling goroutine in a system call for d of virtual
// time. The goroutine keeps its P until sysmon hands the P to another M.
func Syscall(d time.Duration) { rt.Syscall(int64(d)) }

// Work keeps the calling goroutine busy on its P for d of virtual CPU time,
// as a long computation would.
func Work(d time.Duration) { rt.Work(int64(d)) }

// StackSize returns the size of the calling goroutine's stack in bytes.
func StackSize() int { return rt.StackSize() }

// Goid returns the calling goroutine's id, as tracebacks print it.
func Goid() int64 { return rt.Goid() }

// Snapshot records a picture of the whole machine at this point, under
// the given label: each P with its M, running G, runnext and local queue,
// the global queue, every goroutine and channel. Lessons draw it.
func Snapshot(label string) { rt.Snapshot(label) }

// State returns the same picture as text, for the program to print.
func State() string { return rt.Snapshot("") }
