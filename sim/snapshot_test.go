package sim

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// checkSnapshot reports what in sn contradicts itself: every runnable G in
// exactly one run queue, every running G on the P that says it runs it,
// every channel waiter waiting.
func checkSnapshot(sn Snapshot) error {
	where := map[int64][]string{}
	for _, p := range sn.Ps {
		if p.Runnext != 0 {
			where[p.Runnext] = append(where[p.Runnext], fmt.Sprintf("P%d.runnext", p.ID))
		}
		for _, g := range p.Runq {
			where[g] = append(where[g], fmt.Sprintf("P%d.runq", p.ID))
		}
	}
	for _, g := range sn.Global {
		where[g] = append(where[g], "global")
	}
	byID := map[int64]GSnapshot{}
	for _, g := range sn.Gs {
		byID[g.ID] = g
		n := len(where[g.ID])
		switch {
		case g.Status == "runnable" && n != 1:
			return fmt.Errorf("G%d runnable in %v", g.ID, where[g.ID])
		case g.Status != "runnable" && n != 0:
			return fmt.Errorf("G%d %s in %v", g.ID, g.Status, where[g.ID])
		case g.Status == "running" && (g.P < 0 || sn.Ps[g.P].G != g.ID):
			return fmt.Errorf("G%d running on P%d, which runs G%d", g.ID, g.P, sn.Ps[max(g.P, 0)].G)
		}
	}
	for _, c := range sn.Chans {
		for _, id := range append(append([]int64(nil), c.RecvQ...), c.SendQ...) {
			if g := byID[id]; g.Status != "waiting" {
				return fmt.Errorf("G%d in ch%d's queue is %s", id, c.ID, g.Status)
			}
		}
		if c.Len > c.Cap {
			return fmt.Errorf("ch%d holds %d of %d", c.ID, c.Len, c.Cap)
		}
	}
	if len(sn.Ps) != sn.Procs {
		return fmt.Errorf("%d Ps, procs %d", len(sn.Ps), sn.Procs)
	}
	return nil
}

// TestSnapshotEveryStep takes a snapshot before every driver step of every
// golden scenario: each is consistent, survives a JSON round trip, and its
// text form names the current G.
func TestSnapshotEveryStep(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		sc := scenarioFile(t, name)
		steps := 0
		sc.run(func(s *Sim) bool {
			steps++
			sn := s.Snapshot()
			if err := checkSnapshot(sn); err != nil {
				t.Fatalf("%s, step %d: %v", name, steps, err)
			}
			if steps%7 != 1 {
				return true // the round trips below are slower: sample them
			}
			js, err := json.Marshal(sn)
			if err != nil {
				t.Fatal(err)
			}
			var back Snapshot
			if err := json.Unmarshal(js, &back); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, sn) {
				t.Fatalf("%s, step %d: snapshot changed in a JSON round trip:\n%s", name, steps, js)
			}
			var b strings.Builder
			sn.WriteText(&b)
			if !strings.Contains(b.String(), fmt.Sprintf("current=G%d\n", s.Current().ID)) {
				t.Fatalf("%s, step %d: text does not name G%d:\n%s", name, steps, s.Current().ID, b.String())
			}
			return true
		})
	}
}
