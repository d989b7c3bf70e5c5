package runner

import "reflect"

// Allocations the rewrite can see (make of a slice or a channel, the
// growth of x = append(x, ...), strings.Repeat and bytes.Repeat,
// runtime.GOMAXPROCS) are checked before they are made, as the runtime
// checks them: a size the runtime could never allocate panics with its
// words (makeslice: len out of range), and one larger than
// Limits.Memory ends the program with what a machine without that much
// memory prints, "fatal error: out of memory", and the memory limit's
// outcome (OutcomeMemory, exit status 85, as when the CLI's worker runs
// out). Without the check the interpreter would ask the host for the
// memory: 8 GB for make([]byte, 8<<30).

// maxAlloc is the largest allocation the runtime attempts on linux/amd64
// (malloc.go: 1<<heapAddrBits, 48 bits).
const maxAlloc = 1 << 48

// heapAtStart is the heap in use when main starts, as gc's out-of-memory
// message counts it for a small program (3932160 bytes, go1.26.8
// linux/amd64). The message adds what the runner knows to be in use at
// the failed allocation: the array an append was about to copy.
const heapAtStart = 3932160

// pSize is about what one P costs the runtime (runtime.p: its run queue,
// caches and write barrier buffer), for GOMAXPROCS.
const pSize = 10 << 10

// What an Alloc call sizes.
const (
	allocLen  = iota // the length of make([]T, n): also its capacity
	allocLen3        // the length of make([]T, n, c): checked, not allocated
	allocCap         // the capacity of make([]T, n, c)
	allocChan        // the buffer of make(chan T, n)
)

// allocExports are the shim's allocation checks.
func (r *run) allocExports() map[string]reflect.Value {
	return map[string]reflect.Value{
		"Alloc":  reflect.ValueOf(r.alloc),
		"Grow":   reflect.ValueOf(r.grow),
		"Repeat": reflect.ValueOf(r.repeat),
		// Not an allocation: main has started (rewrite_init.go).
		"MainStarted": reflect.ValueOf(func() { r.mainStarted = true }),
	}
}

// alloc checks n elements of size bytes for make, as makeslice and
// makechan do (slice.go, chan.go), and returns n.
func (r *run) alloc(n, size, kind int) int {
	tooBig := n < 0 || size > 0 && n > maxAlloc/size
	switch {
	case !tooBig:
	case kind == allocChan:
		r.raiseValue(runtimeError{"makechan: size out of range"})
	case kind == allocCap:
		r.raiseValue(runtimeError{"runtime error: makeslice: cap out of range"})
	default:
		r.raiseValue(runtimeError{"runtime error: makeslice: len out of range"})
	}
	if kind != allocLen3 {
		r.take(int64(n)*int64(size), 0)
	}
	return n
}

// grow is called before x = append(x, ...) when the new length need
// passes the capacity: it sizes the new array as growslice does
// (nextslicecap, slice.go) and checks it.
func (r *run) grow(need, oldCap, size int) {
	c := oldCap
	switch {
	case need > 2*c:
		c = need
	case c < 256:
		c *= 2
	default:
		for c < need {
			c += (c + 3*256) >> 2
		}
	}
	if size > 0 && c > maxAlloc/size {
		r.raiseValue(runtimeError{"runtime error: growslice: len out of range"})
	}
	r.take(int64(c)*int64(size), int64(oldCap)*int64(size))
}

// repeat checks the result of strings.Repeat or bytes.Repeat of a
// string or slice of length size, and returns the count n. A negative
// count or an overflow is left to Repeat, which panics with its words.
func (r *run) repeat(size, n int) int {
	if n > 0 && size > 0 && n <= maxAlloc/size {
		r.take(int64(size)*int64(n), 0)
	}
	return n
}

// take ends the program with the runtime's out-of-memory error if an
// allocation of n bytes is larger than the limit; inUse is what the
// program is known to hold besides.
func (r *run) take(n, inUse int64) {
	if n <= r.limits.Memory {
		return
	}
	if r.ended.Load() {
		return
	}
	// The heap grows in steps of 512 pages of 8 KiB (mheap.grow).
	const step = 4 << 20
	ask := (n + step - 1) / step * step
	me := r.cur
	r.s.OutOfMemory(ask, heapAtStart+inUse)
	r.after(me)
}
