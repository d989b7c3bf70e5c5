package termview

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/sim"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// TestReplayMatchesSnapshots runs the lesson snippets that show queues,
// stack or chan pictures, and the picture programs,
// and compares the machine replayed from its trace with the simulator's
// own snapshots (runner.Options.Steps), taken at
// every switch from one goroutine to another and at the end: the Ps, their
// Ms, running Gs, runnext and local queues, the global queue, the stacks,
// and the channels. Goroutines waiting in a select are left out of the
// channel queues: the trace does not say where they wait; nor does it say
// when a timer puts a value in its channel's buffer.
func TestReplayMatchesSnapshots(t *testing.T) {
	type prog struct {
		src   string
		procs int
	}
	progs := map[string]prog{}
	tr, err := tour.Load(lessons.FS(), "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range tr.Lessons {
		for _, sn := range l.Snippets {
			if !sn.Info.NoRun && !sn.Info.NoBuild && replayed(sn.Info.Show) {
				progs[l.ID+"/"+sn.ID] = prog{sn.Code, sn.Info.Procs}
			}
		}
	}
	files, _ := filepath.Glob("testdata/pictures/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "prog.go" {
				progs[filepath.Base(file)] = prog{string(f.Data), 2}
			}
		}
	}
	for name, p := range progs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			res, err := runner.Run(ctx, []byte(p.src), runner.Options{Procs: p.procs, Trace: true, Steps: 150})
			if err != nil || res.Trace == nil {
				t.Fatalf("run: %v", err)
			}
			if res.Trace.Dropped > 0 {
				t.Skip("trace cut short")
			}
			m, next := newMachine(res.Trace.Procs), 0
			for _, sn := range res.Steps {
				for ; next < int(sn.Seq); next++ {
					m.apply(&res.Trace.Events[next])
				}
				diff := compare(m, &sn)
				if diff == "" {
					diff = m.places()
				}
				if diff != "" {
					t.Fatalf("after event %d (seq %d, %v): %s", sn.Seq-1, sn.Seq, res.Trace.Events[sn.Seq-1], diff)
				}
			}
			for ; next < len(res.Trace.Events); next++ {
				m.apply(&res.Trace.Events[next])
			}
			if m.mismatches != 0 {
				t.Errorf("%d events carry a queue length that differs from the replay", m.mismatches)
			}
		})
	}
}

// replayed reports whether any of the views is drawn from the replay. The
// test runs only those snippets: the others (some start tens of thousands
// of goroutines) would take minutes under the race detector and test
// nothing a learner sees.
func replayed(views []tour.View) bool {
	for _, v := range views {
		if v == tour.ViewQueues || v == tour.ViewStack || v == tour.ViewChan {
			return true
		}
	}
	return false
}

// compare returns the first difference between the replay and the
// snapshot, or "".
func compare(m *machine, sn *sim.Snapshot) string {
	if len(m.ps) < len(sn.Ps) {
		return fmt.Sprintf("replay has %d Ps, snapshot %d", len(m.ps), len(sn.Ps))
	}
	for i, sp := range sn.Ps {
		p := m.ps[i]
		if p.g != sp.G || p.runnext != sp.Runnext || !slices.Equal(nonNil(p.runq), nonNil(sp.Runq)) {
			return fmt.Sprintf("P%d: replay G%d next G%d runq %v, snapshot G%d next G%d runq %v",
				i, p.g, p.runnext, p.runq, sp.G, sp.Runnext, sp.Runq)
		}
		if p.m != sp.M {
			return fmt.Sprintf("P%d: replay M%d, snapshot M%d", i, p.m, sp.M)
		}
	}
	if !slices.Equal(nonNil(m.global), nonNil(sn.Global)) {
		return fmt.Sprintf("global: replay %v, snapshot %v", m.global, sn.Global)
	}
	selecting := map[int64]bool{}
	for _, g := range sn.Gs {
		if g.Reason == "select" {
			selecting[g.ID] = true
		}
		if rg, ok := m.gs[g.ID]; ok && rg.stack != g.Stack && g.Status != "dead" {
			return fmt.Sprintf("G%d: replay stack %d, snapshot %d", g.ID, rg.stack, g.Stack)
		}
	}
	for _, sc := range sn.Chans {
		c := m.chans[sc.ID]
		if c == nil {
			if sc.Len == 0 && len(sc.RecvQ) == 0 && len(sc.SendQ) == 0 {
				continue // made, never used: the trace shows it only when made
			}
			return fmt.Sprintf("ch%d: not in the replay", sc.ID)
		}
		drop := func(q []int64) []int64 {
			return slices.DeleteFunc(slices.Clone(nonNil(q)), func(g int64) bool { return selecting[g] })
		}
		// A timer that fires with nobody receiving fills the buffer of
		// its channel without an event.
		if c.cap != sc.Cap || (c.len != sc.Len && !sc.Timer) || c.closed != sc.Closed ||
			!slices.Equal(nonNil(c.recvq), drop(sc.RecvQ)) || !slices.Equal(nonNil(c.sendq), drop(sc.SendQ)) {
			return fmt.Sprintf("ch%d: replay %+v, snapshot %+v", sc.ID, *c, sc)
		}
	}
	return ""
}

func nonNil(q []int64) []int64 {
	if q == nil {
		return []int64{}
	}
	return q
}
