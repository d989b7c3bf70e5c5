// Package sync is the simulator's sync: the same API as the standard
// package, with every blocking operation handed to the simulated runtime.
package sync

import rt "gotour.gpm/rt"

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// Mutex is a mutual exclusion lock. Its zero value is unlocked.
type Mutex struct{ state int32 }

func (m *Mutex) Lock()         { rt.Lock(m) }
func (m *Mutex) Unlock()       { rt.Unlock(m) }
func (m *Mutex) TryLock() bool { return rt.TryLock(m) }

// RWMutex is a reader/writer mutual exclusion lock.
type RWMutex struct{ state int32 }

func (rw *RWMutex) Lock()           { rt.WLock(rw) }
func (rw *RWMutex) Unlock()         { rt.WUnlock(rw) }
func (rw *RWMutex) RLock()          { rt.RLock(rw) }
func (rw *RWMutex) RUnlock()        { rt.RUnlock(rw) }
func (rw *RWMutex) RLocker() Locker { return rlocker{rw} }
func (rw *RWMutex) TryLock() bool   { return rt.WTryLock(rw) }
func (rw *RWMutex) TryRLock() bool  { return rt.RTryLock(rw) }

type rlocker struct{ rw *RWMutex }

func (r rlocker) Lock()   { r.rw.RLock() }
func (r rlocker) Unlock() { r.rw.RUnlock() }

// WaitGroup waits for a collection of goroutines to finish. state mirrors
// the simulated counter, so that a WaitGroup copied by value (passed to a
// func(wg sync.WaitGroup)) starts from the count it was copied with, as
// the real one does.
type WaitGroup struct{ state int32 }

func (wg *WaitGroup) Add(delta int) { rt.WGAdd(wg, delta) }
func (wg *WaitGroup) Done()         { rt.WGAdd(wg, -1) }
func (wg *WaitGroup) Wait()         { rt.WGWait(wg) }

// Go calls f in a new goroutine and adds that task to the WaitGroup.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	// A func literal passed straight to a compiled function would capture
	// its variables late in yaegi v0.16.1; a variable holds it at once.
	g := func() {
		defer wg.Done()
		f()
	}
	rt.Go(g)
}

// Once performs exactly one action.
type Once struct {
	m    Mutex
	done bool
}

func (o *Once) Do(f func()) {
	if o.done {
		rt.RaceAcq(o) // f's writes happen before every Do returns
		return
	}
	o.m.Lock()
	defer o.m.Unlock()
	if !o.done {
		defer func() { rt.RaceRel(o); o.done = true }()
		f()
	}
}

// OnceFunc returns a function that invokes f only once. If f panics, the
// returned function panics with the same value on every call (as
// sync/oncefunc.go does).
func OnceFunc(f func()) func() {
	var (
		once  Once
		valid bool
		p     any
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		f()
		f = nil
		valid = true
	}
	return func() {
		once.Do(g)
		if !valid {
			panic(p)
		}
	}
}

// OnceValue returns a function that invokes f only once and returns its
// value; a panic of f is repeated by every call.
func OnceValue[T any](f func() T) func() T {
	var (
		once   Once
		valid  bool
		p      any
		result T
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		result = f()
		f = nil
		valid = true
	}
	return func() T {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return result
	}
}

// OnceValues returns a function that invokes f only once and returns its
// values; a panic of f is repeated by every call.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var (
		once  Once
		valid bool
		p     any
		r1    T1
		r2    T2
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		r1, r2 = f()
		f = nil
		valid = true
	}
	return func() (T1, T2) {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return r1, r2
	}
}

// Cond implements a condition variable.
type Cond struct {
	L     Locker
	state int32
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond { return &Cond{L: l} }

func (c *Cond) Wait() {
	rt.CondWait(c, func() { c.L.Unlock() })
	c.L.Lock()
}
func (c *Cond) Signal()    { rt.CondSignal(c) }
func (c *Cond) Broadcast() { rt.CondBroadcast(c) }

// Map is a map safe for concurrent use. Range visits keys in the order
// they were first stored, so runs are repeatable.
type Map struct {
	m    map[any]any
	keys []any
}

func (m *Map) Load(key any) (value any, ok bool) {
	value, ok = m.m[key]
	return
}

func (m *Map) Store(key, value any) { m.Swap(key, value) }

func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	if m.m == nil {
		m.m = map[any]any{}
	}
	previous, loaded = m.m[key]
	if !loaded {
		m.keys = append(m.keys, key)
	}
	m.m[key] = value
	return
}

func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	if v, ok := m.m[key]; ok {
		return v, true
	}
	m.Store(key, value)
	return value, false
}

func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	value, loaded = m.m[key]
	if loaded {
		m.Delete(key)
	}
	return
}

func (m *Map) Delete(key any) {
	if _, ok := m.m[key]; !ok {
		return
	}
	delete(m.m, key)
	for i, k := range m.keys {
		if k == key {
			m.keys = append(m.keys[:i], m.keys[i+1:]...)
			break
		}
	}
}

func (m *Map) CompareAndSwap(key, old, new any) bool {
	if v, ok := m.m[key]; ok && v == old {
		m.m[key] = new
		return true
	}
	return false
}

func (m *Map) CompareAndDelete(key, old any) bool {
	if v, ok := m.m[key]; ok && v == old {
		m.Delete(key)
		return true
	}
	return false
}

func (m *Map) Range(f func(key, value any) bool) {
	keys := append([]any(nil), m.keys...)
	for _, k := range keys {
		v, ok := m.m[k]
		if ok && !f(k, v) {
			return
		}
	}
}

func (m *Map) Clear() {
	m.m = nil
	m.keys = nil
}

// Pool is a set of temporary objects. As the real one on the P that puts
// and gets (pool.go), it has a private slot, filled by the first Put and
// emptied by the next Get, and a shared stack for the rest: Put a, b, c
// then Get gives a, c, b.
type Pool struct {
	New     func() any
	private any
	shared  []any
}

func (p *Pool) Get() any {
	x := p.private
	p.private = nil
	if x == nil {
		if n := len(p.shared); n > 0 {
			x = p.shared[n-1]
			p.shared = p.shared[:n-1]
		}
	}
	if x == nil && p.New != nil {
		return p.New()
	}
	return x
}

func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	if p.private == nil {
		p.private = x
		return
	}
	p.shared = append(p.shared, x)
}
