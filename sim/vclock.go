package sim

// Vector clocks for the data-race detector (racedetect.go). A clock is
// sparse: the entries of the threads it knows, sorted by thread. A
// program's main goroutine that starts ten thousand workers knows only
// itself until it joins them, and each worker starts knowing its parent
// and itself, so the clocks stay small where a dense vector of every
// thread would cost the square of the number of goroutines.

type vcEntry struct {
	tid int32
	clk uint32
}

type vclock []vcEntry

// get returns t's entry, 0 when v does not know t.
func (v vclock) get(t int32) uint32 {
	lo, hi := 0, len(v)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if v[m].tid < t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(v) && v[lo].tid == t {
		return v[lo].clk
	}
	return 0
}

// set makes t's entry c.
func (v *vclock) set(t int32, c uint32) {
	w := *v
	lo, hi := 0, len(w)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if w[m].tid < t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(w) && w[lo].tid == t {
		w[lo].clk = c
		return
	}
	w = append(w, vcEntry{})
	copy(w[lo+1:], w[lo:])
	w[lo] = vcEntry{t, c}
	*v = w
}

// join makes v the pointwise maximum of v and o.
func (v *vclock) join(o vclock) {
	w := *v
	if len(o) == 0 {
		return
	}
	// The common case: o knows nothing v does not know as well.
	i, sub := 0, true
	for _, e := range o {
		for i < len(w) && w[i].tid < e.tid {
			i++
		}
		if i == len(w) || w[i].tid != e.tid || w[i].clk < e.clk {
			sub = false
			break
		}
	}
	if sub {
		return
	}
	out := make(vclock, 0, len(w)+len(o))
	i, j := 0, 0
	for i < len(w) || j < len(o) {
		switch {
		case j == len(o) || (i < len(w) && w[i].tid < o[j].tid):
			out = append(out, w[i])
			i++
		case i == len(w) || o[j].tid < w[i].tid:
			out = append(out, o[j])
			j++
		default:
			out = append(out, vcEntry{w[i].tid, max(w[i].clk, o[j].clk)})
			i++
			j++
		}
	}
	*v = out
}

func (v vclock) clone() vclock { return append(vclock(nil), v...) }
