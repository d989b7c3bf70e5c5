package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gotour-gpm/gotour-gpm/render"
	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/sim"
)

// replayCheck runs some lesson snippets with machine snapshots
// (runner.Options.Steps) and asks the step-through's replay, in the
// browser, for the machine after each snapshot's events: every P's
// running G, runnext and local queue, and the global queue must be the
// simulator's own. It returns one message per difference.
func replayCheck(t *testing.T, ctx context.Context) []string {
	t.Helper()
	tours, err := siteTours()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"spawn-loop": true, "work-stealing": true, "runq-overflow": true, "global-fairness": true,
		"syscall-handoff": true, "woken-runnext": true, "many-senders": true, "preemption": true}
	var problems []string
	checked := 0
	for _, l := range tours[0].Lessons {
		for _, s := range l.Snippets {
			if !want[s.ID] {
				continue
			}
			res, err := runner.Run(ctx, []byte(s.Code), runner.Options{
				Procs: s.Info.Procs, CPUs: s.Info.CPUs, Seed: s.Info.Seed, Trace: true, Steps: 200,
			})
			if err != nil || res.Trace == nil {
				t.Fatalf("%s: %v", s.ID, err)
			}
			data, err := render.CompactTrace(res.Trace, res.VirtualTime, -1)
			if err != nil {
				t.Fatal(err)
			}
			// The last snapshot is the machine after the program ended:
			// the simulator leaves main on its P there, while the replay
			// has taken it off at its exit event, as the viewer shows it.
			for _, sn := range res.Steps[:len(res.Steps)-1] {
				if sn.Seq > int64(len(res.Trace.Events)) {
					continue
				}
				got, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`(() => {
					const d = %s; d.ev = d.ev.slice(0, %d);
					const m = GPM.replay(d);
					return JSON.stringify({ps: m.ps.map(p => ({g: p.g, runnext: p.runnext, runq: p.runq})), global: m.global});
				})()`, data, sn.Seq)))
				if err != nil {
					t.Fatalf("%s: replay: %v", s.ID, err)
				}
				if msg := compareMachine(got, sn); msg != "" {
					problems = append(problems, fmt.Sprintf("%s after %d events: %s", s.ID, sn.Seq, msg))
				}
				checked++
			}
		}
	}
	if checked < 50 {
		t.Errorf("compared only %d snapshots", checked)
	}
	return problems
}

// compareMachine compares the replay's JSON with the simulator's snapshot.
func compareMachine(replayJSON string, sn sim.Snapshot) string {
	var m struct {
		Ps []struct {
			G, Runnext int64
			Runq       []int64
		}
		Global []int64
	}
	if err := json.Unmarshal([]byte(replayJSON), &m); err != nil {
		return err.Error()
	}
	if len(m.Ps) < len(sn.Ps) {
		return fmt.Sprintf("%d Ps, want %d", len(m.Ps), len(sn.Ps))
	}
	for i, p := range sn.Ps {
		r := m.Ps[i]
		if r.G != p.G || r.Runnext != p.Runnext || !slices.Equal(nonNil(r.Runq), nonNil(p.Runq)) {
			return fmt.Sprintf("P%d: replay G%d next G%d runq %v; simulator G%d next G%d runq %v", i, r.G, r.Runnext, r.Runq, p.G, p.Runnext, p.Runq)
		}
	}
	if !slices.Equal(nonNil(m.Global), nonNil(sn.Global)) {
		return fmt.Sprintf("global queue: replay %v, simulator %v", m.Global, sn.Global)
	}
	return ""
}

func nonNil(s []int64) []int64 {
	if s == nil {
		return []int64{}
	}
	return s
}
