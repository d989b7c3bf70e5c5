// Package debug is the simulator's runtime/debug.
package debug

import rt "gotour.gpm/rt"

// SetMaxStack sets the maximum goroutine stack size and returns the old one.
func SetMaxStack(bytes int) int { return rt.SetMaxStack(bytes) }

// Stack returns the running goroutine's traceback, as runtime.Stack
// formats it.
func Stack() []byte { return []byte(rt.Stack(false)) }

// PrintStack prints Stack to standard error.
func PrintStack() { rt.Write(2, Stack()) }

// SetGCPercent is accepted and ignored: the simulator models no heap.
func SetGCPercent(percent int) int { return 100 }

// FreeOSMemory runs a garbage collection, which may shrink stacks.
func FreeOSMemory() { rt.GC() }
