package runner

import (
	"reflect"
	"strconv"
)

// Bounds checks: the shim's side. yaegi v0.16.1 indexes and slices through
// reflect, whose panics ("reflect: slice index out of range") carry neither
// the index nor the length, so the rewrite (rewrite_bounds.go) checks every
// index and slice expression it cannot prove in range, in interpreted code,
// and calls one of these functions only to fail. They panic with gc's own
// value, a runtime.Error whose text is byte for byte the runtime's.

// boundsCode says which check failed, as abi.BoundsErrorCode does.
type boundsCode uint8

const (
	boundsIndex      boundsCode = iota // s[x], 0 <= x < len(s) failed
	boundsSliceAlen                    // s[?:x], 0 <= x <= len(s) failed
	boundsSliceAcap                    // s[?:x], 0 <= x <= cap(s) failed
	boundsSliceB                       // s[x:y], 0 <= x <= y failed
	boundsSlice3Alen                   // s[?:?:x], 0 <= x <= len(s) failed
	boundsSlice3Acap                   // s[?:?:x], 0 <= x <= cap(s) failed
	boundsSlice3B                      // s[?:x:y], 0 <= x <= y failed
	boundsSlice3C                      // s[x:y:?], 0 <= x <= y failed
	boundsConvert                      // [x]T(s), 0 <= x <= len(s) failed
)

// boundsFormats and boundsNegFormats are runtime/error.go's texts; %x is
// the failing value, %y the bound. A negative x needs no bound.
var (
	boundsFormats = [...]string{
		boundsIndex:      "index out of range [%x] with length %y",
		boundsSliceAlen:  "slice bounds out of range [:%x] with length %y",
		boundsSliceAcap:  "slice bounds out of range [:%x] with capacity %y",
		boundsSliceB:     "slice bounds out of range [%x:%y]",
		boundsSlice3Alen: "slice bounds out of range [::%x] with length %y",
		boundsSlice3Acap: "slice bounds out of range [::%x] with capacity %y",
		boundsSlice3B:    "slice bounds out of range [:%x:%y]",
		boundsSlice3C:    "slice bounds out of range [%x:%y:]",
		boundsConvert:    "cannot convert slice with length %y to array or pointer to array with length %x",
	}
	boundsNegFormats = [...]string{
		boundsIndex:      "index out of range [%x]",
		boundsSliceAlen:  "slice bounds out of range [:%x]",
		boundsSliceAcap:  "slice bounds out of range [:%x]",
		boundsSliceB:     "slice bounds out of range [%x:]",
		boundsSlice3Alen: "slice bounds out of range [::%x]",
		boundsSlice3Acap: "slice bounds out of range [::%x]",
		boundsSlice3B:    "slice bounds out of range [:%x:]",
		boundsSlice3C:    "slice bounds out of range [%x::]",
	}
)

// boundsError is the runtime's boundsError: x is the failing index (signed
// or not), y the bound it was checked against.
type boundsError struct {
	x      int64
	y      int
	signed bool
	code   boundsCode
}

// RuntimeError marks boundsError as a runtime.Error.
func (e boundsError) RuntimeError() {}

func (e boundsError) Error() string {
	f := boundsFormats[e.code]
	if e.signed && e.x < 0 {
		f = boundsNegFormats[e.code]
	}
	b := []byte("runtime error: ")
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			b = append(b, f[i])
			continue
		}
		i++
		switch f[i] {
		case 'x':
			if e.signed {
				b = strconv.AppendInt(b, e.x, 10)
			} else {
				b = strconv.AppendUint(b, uint64(e.x), 10)
			}
		case 'y':
			b = strconv.AppendInt(b, int64(e.y), 10)
		}
	}
	return string(b)
}

// Slice forms, passed by rewritten code to PanicSlice and Slice.
const (
	sliceThree  = 1 << iota // s[lo:hi:max]
	sliceCap                // s is a slice: checked against its capacity
	sliceRetHi              // Slice returns hi
	sliceRetMax             // Slice returns max
)

// sliceCheck returns the error of s[lo:hi:max] (max == n for a two-index
// form, hi == len(s) when it is left out), checked in gc's order: the
// upper bound first (ssagen's slice, "so that we're always comparing
// against a value known to be nonnegative"), or false when it is in range.
func sliceCheck(form int, lo, hi, max int64, n int) (boundsError, bool) {
	alen, acap := boundsSliceAlen, boundsSliceAcap
	if form&sliceThree != 0 {
		alen, acap = boundsSlice3Alen, boundsSlice3Acap
		if uint64(max) > uint64(n) {
			return boundsError{x: max, y: n, signed: true, code: pick(form&sliceCap != 0, acap, alen)}, true
		}
		if uint64(hi) > uint64(max) {
			return boundsError{x: hi, y: int(max), signed: true, code: boundsSlice3B}, true
		}
		if uint64(lo) > uint64(hi) {
			return boundsError{x: lo, y: int(hi), signed: true, code: boundsSlice3C}, true
		}
		return boundsError{}, false
	}
	if uint64(hi) > uint64(n) {
		return boundsError{x: hi, y: n, signed: true, code: pick(form&sliceCap != 0, acap, alen)}, true
	}
	if uint64(lo) > uint64(hi) {
		return boundsError{x: lo, y: int(hi), signed: true, code: boundsSliceB}, true
	}
	return boundsError{}, false
}

func pick(c bool, a, b boundsCode) boundsCode {
	if c {
		return a
	}
	return b
}

// boundsExports are the shim's bounds functions; raise panics with a
// runtime error (the run's records it as a panic in progress). The front
// end's direct shim exports the same ones with a plain panic.
func boundsExports(raise func(any)) map[string]reflect.Value {
	return map[string]reflect.Value{
		// PanicIndex and PanicIndexU fail a hoisted index check.
		"PanicIndex": reflect.ValueOf(func(i int64, n int) {
			raise(boundsError{x: i, y: n, signed: true, code: boundsIndex})
		}),
		"PanicIndexU": reflect.ValueOf(func(i uint64, n int) {
			raise(boundsError{x: int64(i), y: n, code: boundsIndex})
		}),
		// Index and IndexU check an index where no statement can hold
		// the check (a loop condition), and return it.
		"Index": reflect.ValueOf(func(i, n int) int {
			if uint(i) >= uint(n) {
				raise(boundsError{x: int64(i), y: n, signed: true, code: boundsIndex})
			}
			return i
		}),
		"IndexU": reflect.ValueOf(func(i uint64, n int) int {
			if i >= uint64(n) {
				raise(boundsError{x: int64(i), y: n, code: boundsIndex})
			}
			return int(i)
		}),
		// PanicSlice fails a hoisted slice check.
		"PanicSlice": reflect.ValueOf(func(form int, lo, hi, max int64, n int) {
			if e, bad := sliceCheck(form, lo, hi, max, n); bad {
				raise(e)
			}
		}),
		// Slice checks a slice expression in place and returns its last
		// index (lo, hi or max, as form says).
		"Slice": reflect.ValueOf(func(form, lo, hi, max, n int) int {
			if e, bad := sliceCheck(form, int64(lo), int64(hi), int64(max), n); bad {
				raise(e)
			}
			switch {
			case form&sliceRetMax != 0:
				return max
			case form&sliceRetHi != 0:
				return hi
			}
			return lo
		}),
	}
}
