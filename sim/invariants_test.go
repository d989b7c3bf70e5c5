package sim

import (
	"strings"
	"testing"
)

// busySim is a machine in an interesting state, between two operations:
// 2 Ps, main running on P0 with Gs in its runnext and local queue, a G
// parked on a channel, a sleeping G with a timer, and a buffered value.
func busySim(t *testing.T) *Sim {
	t.Helper()
	sc, err := ParseScenario(`config procs=2 runtimegs=off
func main {
    make ch 0
    make buf 2
    send buf x
    go receiver
    go sleeper
    gosched
    go a
    go b
    go c
    tick 1
}
func receiver {
    recv ch
}
func sleeper {
    sleep 1s
}
func a {
}
func b {
}
func c {
}
`)
	if err != nil {
		t.Fatal(err)
	}
	sc.Config.Debug = true
	var s *Sim
	// Stop right before main's tick: every statement before it ran.
	sc.run(func(x *Sim) bool {
		if g := x.Current(); g.ID == 1 {
			st := g.Fn.(*gstate)
			if st.pending == nil && st.pc < len(st.fn.code) && st.fn.code[st.pc].kind == opTick {
				s = x
				return false
			}
		}
		return true
	})
	if s == nil {
		t.Fatal("main never reached its tick")
	}
	return s
}

// TestInvariantsHold checks that the machine busySim builds is sound, so
// that each corruption below breaks exactly what it means to.
func TestInvariantsHold(t *testing.T) {
	s := busySim(t)
	if msg := s.invariantErrors(); msg != "" {
		t.Fatalf("invariants broken: %s", msg)
	}
	var b strings.Builder
	sn := s.Snapshot()
	sn.WriteText(&b)
	for _, want := range []string{"P0 [M0] running G1 | next G", "G2 [chan receive]", "G3 [sleep]", "ch2 cap 2 [v .]"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("busySim's snapshot lacks %q:\n%s", want, b.String())
		}
	}
}

// TestInvariantsFire corrupts the state in one way at a time and checks
// that checkInvariants panics with a message that names what is wrong.
func TestInvariantsFire(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(t *testing.T, s *Sim)
		want    string
	}{
		{"G in two places: runnext also queued", func(t *testing.T, s *Sim) {
			p0 := s.allp[0]
			p0.runq.push(p0.runnext)
		}, "in 2 run queues"},
		{"G in two places: running and queued", func(t *testing.T, s *Sim) {
			s.global.pushBack(s.cur)
		}, "is running but is in 2 places"},
		{"runnable G in no queue", func(t *testing.T, s *Sim) {
			p0 := s.allp[0]
			p0.runnext = nil
		}, "is runnable but is in 0 run queues"},
		{"waiting G in a run queue", func(t *testing.T, s *Sim) {
			s.global.pushBack(findG(t, s, WaitChanReceive))
		}, "is waiting but is in the global queue"},
		{"local queue over capacity", func(t *testing.T, s *Sim) {
			s.allp[0].runq.n = s.cfg.RunqSize + 1
		}, "run queue holds 257 Gs, capacity 256"},
		{"more Gs running than Ps", func(t *testing.T, s *Sim) {
			s.procs = 0
		}, "Gs running, GOMAXPROCS is 0"},
		{"running G without its M", func(t *testing.T, s *Sim) {
			s.cur.m = nil
		}, "without that P's M running it"},
		{"running P on the idle list", func(t *testing.T, s *Sim) {
			s.pidle = append(s.pidle, s.allp[0])
		}, "P0 is running but on the idle list"},
		{"idle P with an M", func(t *testing.T, s *Sim) {
			p1 := s.allp[1]
			p1.status = pIdle
			p1.spinning = false
			s.nspinning--
			s.pidle = append(s.pidle, p1)
		}, "P1 is idle but has an M or a G"},
		{"running P without an M", func(t *testing.T, s *Sim) {
			s.allp[0].m.p = nil
		}, "running without an M that holds it"},
		{"M neither idle nor running nor in a syscall", func(t *testing.T, s *Sim) {
			s.allm = append(s.allm, &M{ID: len(s.allm)})
		}, "has no P, is not idle and is not in a system call"},
		{"nspinning out of step", func(t *testing.T, s *Sim) {
			s.nspinning++
		}, "nspinning is"},
		{"channel buffer over capacity", func(t *testing.T, s *Sim) {
			s.chans[1].qcount = 3
		}, "ch2 holds 3 values, capacity 2"},
		{"channel waiter not waiting", func(t *testing.T, s *Sim) {
			s.chans[0].recvq.push(&sudog{g: s.cur})
		}, "waits on ch1 but is running"},
		{"closed channel with waiters", func(t *testing.T, s *Sim) {
			s.chans[0].closed = true
		}, "ch1 is closed but has waiters"},
		{"G waiting on a channel in no queue", func(t *testing.T, s *Sim) {
			s.chans[0].recvq = waitq{}
		}, "waits (chan receive) in 0 channel queues"},
		{"sleeper without a timer", func(t *testing.T, s *Sim) {
			g := findG(t, s, WaitSleep)
			g.timer.pp.timers.remove(g.timer)
		}, "sleeps without a pending timer"},
		{"timer heap out of order", func(t *testing.T, s *Sim) {
			h := &s.allp[0].timers
			h.push(&Timer{when: 1 << 40})
			h.push(&Timer{when: 2 << 40})
			h.ts[0].when = 3 << 40
		}, "timer heap is out of order"},
		{"goid index out of step", func(t *testing.T, s *Sim) {
			delete(s.gs, 1)
		}, "not indexed by its goid"},
		{"Current not running", func(t *testing.T, s *Sim) {
			s.cur.Status = Gwaiting
		}, "Current() G1 is waiting"},
		{"Current after the end", func(t *testing.T, s *Sim) {
			s.exited = true
		}, "the run ended but Current() is G1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := busySim(t)
			tt.corrupt(t, s)
			msg := func() (msg string) {
				defer func() {
					if r := recover(); r != nil {
						msg, _ = r.(string)
					}
				}()
				s.checkInvariants()
				return ""
			}()
			if msg == "" {
				t.Fatalf("checkInvariants did not panic")
			}
			if !strings.HasPrefix(msg, "sim: broken invariant: ") || !strings.Contains(msg, tt.want) {
				t.Errorf("checkInvariants panicked with %q, want it to contain %q", msg, tt.want)
			}
		})
	}
}

// TestDebugChecksEveryStep shows where the checks run: with Debug set, a
// corruption is caught at the driver's next Current().
func TestDebugChecksEveryStep(t *testing.T) {
	s := New(Config{Procs: 1, Debug: true})
	s.Go(nil)
	s.allp[0].runq.push(s.allp[0].runnext)
	defer func() {
		if r := recover(); r == nil {
			t.Error("Current() did not check the invariants")
		}
	}()
	s.Current()
}

func findG(t *testing.T, s *Sim, why WaitReason) *G {
	t.Helper()
	for _, g := range s.allgs {
		if g.Status == Gwaiting && g.Reason == why {
			return g
		}
	}
	t.Fatalf("no G waits with reason %q", why)
	return nil
}
