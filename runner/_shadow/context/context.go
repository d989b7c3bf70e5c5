// Package context is the simulator's context: the standard API, with its
// channels and timers on the simulated runtime, so cancellation and
// deadlines happen in virtual time.
package context

import (
	"errors"
	"time"

	rt "gotour.gpm/rt"
)

// A Context carries a deadline, a cancellation signal and values across
// API boundaries.
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

// A CancelFunc tells an operation to abandon its work.
type CancelFunc func()

// A CancelCauseFunc is a CancelFunc that also records a cause.
type CancelCauseFunc func(cause error)

// Canceled is the error returned by Err when the context is canceled.
var Canceled = errors.New("context canceled")

// DeadlineExceeded is the error returned by Err when the deadline passes.
// (A compiled error value: yaegi v0.16.1 mishandles an interpreted struct
// type stored in an error variable and passed between goroutines.)
var DeadlineExceeded = errors.New("context deadline exceeded")

type emptyCtx struct{ name string }

func (emptyCtx) Deadline() (deadline time.Time, ok bool) { return }
func (emptyCtx) Done() <-chan struct{}                   { return nil }
func (emptyCtx) Err() error                              { return nil }
func (emptyCtx) Value(key any) any                       { return nil }
func (e *emptyCtx) String() string                       { return e.name }

var (
	background = &emptyCtx{"context.Background"}
	todo       = &emptyCtx{"context.TODO"}
)

// Background returns an empty Context that is never canceled.
func Background() Context { return background }

// TODO returns an empty Context, for code not yet given one.
func TODO() Context { return todo }

// cancelCtx can be canceled; with hasDeadline it is a timer context too.
type cancelCtx struct {
	parent      Context
	done        chan struct{}
	err         error
	cause       error
	children    []*cancelCtx
	afters      []*afterFunc
	hasDeadline bool
	deadline    time.Time
	timer       *time.Timer
	name        string
}

func (c *cancelCtx) Deadline() (time.Time, bool) {
	if c.hasDeadline {
		return c.deadline, true
	}
	return c.parent.Deadline()
}
func (c *cancelCtx) Done() <-chan struct{} { return c.done }
func (c *cancelCtx) Err() error            { return c.err }
func (c *cancelCtx) Value(key any) any     { return c.parent.Value(key) }
func (c *cancelCtx) String() string        { return contextName(c.parent) + "." + c.name }

func contextName(c Context) string {
	if s, ok := c.(interface{ String() string }); ok {
		return s.String()
	}
	return "context"
}

// cancel closes done, cancels the children and starts the AfterFuncs.
func (c *cancelCtx) cancel(err, cause error) {
	if c.err != nil {
		return
	}
	if cause == nil {
		cause = err
	}
	c.err, c.cause = err, cause
	rt.Close(c.done)
	children := c.children
	c.children = nil
	for _, child := range children {
		child.cancel(err, cause)
	}
	for _, a := range c.afters {
		a.start()
	}
	c.afters = nil
	if c.timer != nil {
		c.timer.Stop()
	}
	if p, ok := parentCancel(c.parent); ok {
		p.remove(c)
	}
}

func (c *cancelCtx) remove(child *cancelCtx) {
	for i, x := range c.children {
		if x == child {
			c.children = append(c.children[:i], c.children[i+1:]...)
			return
		}
	}
}

func newCancelCtx(parent Context, name string) *cancelCtx {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &cancelCtx{parent: parent, done: make(chan struct{}), name: name}
	propagate(parent, c)
	return c
}

// propagate arranges for c to be canceled with its parent.
func propagate(parent Context, c *cancelCtx) {
	done := parent.Done()
	if done == nil {
		return
	}
	if p, ok := parentCancel(parent); ok {
		if p.err != nil {
			c.cancel(p.err, p.cause)
			return
		}
		p.children = append(p.children, c)
		return
	}
	// A Context of another type: a goroutine watches it, as the real
	// package does.
	watch := func() {
		cases := []rt.Case{{Dir: rt.RecvDir, Ch: done}, {Dir: rt.RecvDir, Ch: c.done}}
		if i, _, _ := rt.Select(cases, false); i == 0 {
			c.cancel(parent.Err(), Cause(parent))
		}
	}
	rt.Go(watch)
}

// parentCancel finds the nearest cancelCtx above parent.
func parentCancel(parent Context) (*cancelCtx, bool) {
	switch p := parent.(type) {
	case *cancelCtx:
		return p, true
	case *valueCtx:
		return parentCancel(p.Context)
	}
	return nil, false
}

// WithCancel returns a copy of parent with a new Done channel, closed when
// cancel is called or parent's Done is closed.
func WithCancel(parent Context) (Context, CancelFunc) {
	c := newCancelCtx(parent, "WithCancel")
	return c, func() { c.cancel(Canceled, nil) }
}

// WithCancelCause is WithCancel whose cancel records a cause.
func WithCancelCause(parent Context) (Context, CancelCauseFunc) {
	c := newCancelCtx(parent, "WithCancel")
	return c, func(cause error) { c.cancel(Canceled, cause) }
}

// Cause returns why c was canceled, or nil.
func Cause(c Context) error {
	if cc, ok := parentCancel(c); ok {
		return cc.cause
	}
	return c.Err()
}

// WithDeadline returns a copy of parent that is canceled at d.
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	return WithDeadlineCause(parent, d, nil)
}

// WithDeadlineCause is WithDeadline recording cause when the deadline passes.
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		return WithCancel(parent)
	}
	c := newCancelCtx(parent, "WithDeadline("+d.String()+")")
	c.hasDeadline, c.deadline = true, d
	stop := func() { c.cancel(Canceled, nil) }
	dur := time.Until(d)
	if dur <= 0 {
		c.cancel(DeadlineExceeded, cause)
		return c, stop
	}
	if c.err == nil {
		expire := func() { c.cancel(DeadlineExceeded, cause) }
		c.timer = time.AfterFunc(dur, expire)
	}
	return c, stop
}

// WithTimeout is WithDeadline(parent, time.Now().Add(timeout)).
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

// WithTimeoutCause is WithDeadlineCause(parent, time.Now().Add(timeout), cause).
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc) {
	return WithDeadlineCause(parent, time.Now().Add(timeout), cause)
}

type valueCtx struct {
	Context
	key, val any
}

// WithValue returns a copy of parent in which key is associated with val.
func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	return &valueCtx{parent, key, val}
}

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.Context.Value(key)
}

func (c *valueCtx) String() string { return contextName(c.Context) + ".WithValue" }

type withoutCancelCtx struct{ c Context }

// WithoutCancel returns a copy of parent that is not canceled with it.
func WithoutCancel(parent Context) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	return withoutCancelCtx{parent}
}

func (withoutCancelCtx) Deadline() (deadline time.Time, ok bool) { return }
func (withoutCancelCtx) Done() <-chan struct{}                   { return nil }
func (withoutCancelCtx) Err() error                              { return nil }
func (c withoutCancelCtx) Value(key any) any                     { return c.c.Value(key) }

type afterFunc struct {
	f       func()
	stopped bool
	started bool
}

func (a *afterFunc) start() {
	if a.stopped || a.started {
		return
	}
	a.started = true
	f := a.f
	rt.Go(f)
}

// AfterFunc arranges to call f in its own goroutine after ctx is done.
// stop reports whether it stopped f from being run.
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	a := &afterFunc{f: f}
	if p, ok := parentCancel(ctx); ok {
		if p.err != nil {
			a.start()
		} else {
			p.afters = append(p.afters, a)
		}
	} else if done := ctx.Done(); done != nil {
		watch := func() {
			rt.Recv(done)
			a.start()
		}
		rt.Go(watch)
	}
	return func() bool {
		if a.started || a.stopped {
			return false
		}
		a.stopped = true
		return true
	}
}
