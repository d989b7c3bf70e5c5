// Package runtime is the simulator's runtime: scheduling calls go to the
// simulated scheduler.
package runtime

import rt "gotour.gpm/rt"

const (
	GOOS     = "linux"
	GOARCH   = "amd64"
	Compiler = "gc"
)

// Error identifies a run-time error, such as an index out of range. It is
// the shim's compiled interface: the runtime errors the shim raises are
// compiled values, which yaegi can assert only to compiled interfaces.
type Error = rt.Error

// PanicNilError is what panic(nil) panics with.
type PanicNilError = rt.PanicNilError

func Gosched()             { rt.Gosched() }
func GOMAXPROCS(n int) int { return rt.GOMAXPROCS(n) }
func NumGoroutine() int    { return rt.NumGoroutine() }
func NumCPU() int          { return rt.NumCPU() }
func Goexit()              { rt.Goexit() }
func GC()                  { rt.GC() }
func KeepAlive(x any)      {}
func Version() string      { return "go1.26.8" }

// Stack formats the running goroutine's traceback into buf, and every
// other goroutine's after it if all is set, and returns the bytes
// written. The runner prints each goroutine's header and creator only: it
// does not know the frames of a goroutine that is not panicking.
func Stack(buf []byte, all bool) int { return copy(buf, rt.Stack(all)) }

// MemStats reports the simulated machine's memory. Only the stack fields
// and NumGC are modelled; the rest read 0.
type MemStats struct {
	Alloc, TotalAlloc, Sys, Mallocs, Frees  uint64
	HeapAlloc, HeapSys, HeapIdle, HeapInuse uint64
	StackInuse, StackSys                    uint64
	NumGC                                   uint32
}

func ReadMemStats(m *MemStats) {
	*m = MemStats{}
	m.StackInuse = rt.StackInuse()
	m.StackSys = m.StackInuse
}
