package sim

import (
	"fmt"
	"strings"
	"testing"
)

// raceCases are scenarios for the race detector and the variables they
// race on ("" for none). Each is run on 1, 2 and 4 Ps with several seeds:
// happens-before does not depend on the schedule, so neither does the
// verdict (the race runtime reports these on one P as well).
var raceCases = []struct {
	name, src, races string
}{
	{"unsynchronised writes", `
func main {
  go w
  write x
  sleep 1ms
}
func w {
  write x
}`, "x"},
	{"read and write", `
func main {
  go w
  read x
  sleep 1ms
}
func w {
  write x
}`, "x"},
	{"reads only", `
func main {
  go w
  read x
  sleep 1ms
}
func w {
  read x
}`, ""},
	{"write before go", `
func main {
  write x
  go w
  sleep 1ms
}
func w {
  read x
}`, ""},
	{"write after go", `
func main {
  go w
  sleep 1ms
  write x
}
func w {
  read x
}`, "x"},
	{"mutex", `
func main {
  go w
  go w
  lock m
  write x
  unlock m
  sleep 1ms
}
func w {
  lock m
  read x
  write x
  unlock m
}`, ""},
	{"mutex on one side only", `
func main {
  go w
  lock m
  write x
  unlock m
  sleep 1ms
}
func w {
  write x
}`, "x"},
	{"two mutexes", `
func main {
  go w
  lock m
  write x
  unlock m
  sleep 1ms
}
func w {
  lock n
  write x
  unlock n
}`, "x"},
	{"unbuffered handoff", `
func main {
  make ch
  go w
  recv ch
  read x
}
func w {
  write x
  send ch
}`, ""},
	{"unbuffered, receiver first", `
func main {
  make ch
  go w
  read x
  send ch
  sleep 1ms
}
func w {
  recv ch
  write x
}`, ""},
	{"unbuffered send waits for the receive", `
func main {
  make ch
  go w
  send ch
  read x
  sleep 1ms
}
func w {
  write x
  recv ch
}`, ""},
	{"buffered send does not wait for the receive", `
func main {
  make ch 1
  go w
  send ch
  read x
  sleep 1ms
}
func w {
  write x
  recv ch
}`, "x"},
	{"full buffer: the k-th receive before the (k+C)-th send", `
func main {
  make ch 1
  go w
  send ch
  send ch
  read x
  sleep 1ms
}
func w {
  sleep 1ms
  recv ch
  write x
  recv ch
}`, "x"},
	{"full buffer, write before the receive", `
func main {
  make ch 1
  go w
  send ch
  send ch
  read x
  sleep 1ms
}
func w {
  sleep 1ms
  write x
  recv ch
  recv ch
}`, ""},
	{"buffered semaphore", `
func main {
  make sem 1
  go w
  go w
  go w
  sleep 1ms
  send sem
  read x
  recv sem
}
func w {
  send sem
  read x
  write x
  recv sem
}`, ""},
	{"close then receive", `
func main {
  make done
  go w
  recv done
  read x
}
func w {
  write x
  close done
}`, ""},
	{"select receive", `
func main {
  make a
  make b
  go w
  select recv a, recv b
  read x
}
func w {
  write x
  send b
}`, ""},
	{"waitgroup", `
func main {
  add wg 2
  go w1
  go w2
  wait wg
  read a
  read b
}
func w1 {
  write a
  done wg
}
func w2 {
  write b
  done wg
}`, ""},
	{"no wait", `
func main {
  add wg 2
  go w1
  go w2
  sleep 1ms
  read a
  wait wg
}
func w1 {
  write a
  done wg
}
func w2 {
  write b
  done wg
}`, "a"},
	{"own variables", `
func main {
  go w1
  go w2
  write c
  sleep 1ms
}
func w1 {
  write a
  read a
}
func w2 {
  write b
  read b
}`, ""},
	{"rwmutex readers and a writer", `
func main {
  go r
  go r
  go wr
  sleep 1ms
}
func r {
  rlock rw
  read x
  runlock rw
}
func wr {
  wlock rw
  write x
  wunlock rw
}`, ""},
	{"reader without the lock", `
func main {
  go r
  go wr
  sleep 1ms
}
func r {
  read x
}
func wr {
  wlock rw
  write x
  wunlock rw
}`, "x"},
	{"writer under a read lock", `
func main {
  go r
  go r
  sleep 1ms
}
func r {
  rlock rw
  write x
  runlock rw
}`, "x"},
	{"atomic flag", `
func main {
  go w
  sleep 1ms
  atomic f
  read x
}
func w {
  write x
  atomic f
}`, ""},
	{"flag not atomic", `
func main {
  go w
  sleep 1ms
  read f
  read x
}
func w {
  write x
  write f
}`, "f x"},
	{"afterfunc", `
func main {
  write x
  afterfunc t 1ms f
  sleep 2ms
}
func f {
  read x
}`, ""},
	{"cond under its mutex", `
func main {
  go w
  lock m
  cwait c m
  read x
  unlock m
}
func w {
  sleep 1ms
  lock m
  write x
  signal c
  unlock m
}`, ""},
	{"one report per pair of places", `
func main {
  go w
  go w
  sleep 1ms
}
func w {
  repeat 100 {
    read x
    write x
    tick 1
  }
}`, "x"},
}

func TestRaceDetector(t *testing.T) {
	for _, c := range raceCases {
		t.Run(c.name, func(t *testing.T) {
			sc, err := ParseScenario(c.src)
			if err != nil {
				t.Fatal(err)
			}
			for _, procs := range []int{1, 2, 4} {
				for seed := uint64(0); seed < 4; seed++ {
					sc.Config = Config{Procs: procs, Seed: seed, Jitter: 20, RaceDetector: true, Debug: true}
					out := sc.Run()
					if got := racyVars(out.Stderr); got != c.races {
						t.Errorf("procs=%d seed=%d: races on %q, want %q\n%s", procs, seed, got, c.races, out.Stderr)
					}
				}
			}
		})
	}
}

// racyVars lists the variables of the "DATA RACE on X" lines, in order.
func racyVars(stderr string) string {
	var vs []string
	for _, l := range strings.Split(stderr, "\n") {
		if v, ok := strings.CutPrefix(l, "DATA RACE on "); ok {
			vs = append(vs, v[:strings.Index(v, ":")])
		}
	}
	return strings.Join(vs, " ")
}

// TestRaceReportSides checks what a report says: the access that found
// the race, the earlier one, their goroutines and lines.
func TestRaceReportSides(t *testing.T) {
	sc, err := ParseScenario(`config procs=1 race=on
func main {
  go w
  sleep 1ms
  write x
}
func w {
  read x
}`)
	if err != nil {
		t.Fatal(err)
	}
	out := sc.Run()
	want := "DATA RACE on x: write by goroutine 1 at line 5, previous read by goroutine 7 at line 8\n"
	if out.Stderr != want {
		t.Errorf("stderr %q, want %q", out.Stderr, want)
	}
	reps := out.Sim.RaceReports()
	if len(reps) != 1 || reps[0].Addr != 8 {
		t.Errorf("reports %+v", reps)
	}
}

// TestRaceDetectorOff: without Config.RaceDetector nothing is recorded,
// and a run is the same as one that reports no accesses.
func TestRaceDetectorOff(t *testing.T) {
	sc, err := ParseScenario(raceCases[0].src)
	if err != nil {
		t.Fatal(err)
	}
	out := sc.Run()
	if out.Stderr != "" || out.Sim.RaceReports() != nil {
		t.Errorf("detector off reported %q %v", out.Stderr, out.Sim.RaceReports())
	}
	if _, ok := out.Sim.RaceWrite(8, 1); ok {
		t.Error("RaceWrite reported with the detector off")
	}
}

// TestRaceDetectorSameSchedule: switching the detector on changes no
// scheduling decision: the trace is the same event for event.
func TestRaceDetectorSameSchedule(t *testing.T) {
	for _, c := range raceCases {
		sc, err := ParseScenario(c.src)
		if err != nil {
			t.Fatal(err)
		}
		sc.Config = Config{Procs: 4, Seed: 3, Jitter: 20}
		off := sc.Run()
		sc.Config.RaceDetector = true
		on := sc.Run()
		a, b := fmt.Sprint(off.Sim.Trace().Events), fmt.Sprint(on.Sim.Trace().Events)
		if a != b || off.Stdout != on.Stdout {
			t.Errorf("%s: the detector changed the run", c.name)
		}
	}
}

func TestVClock(t *testing.T) {
	var a, b vclock
	a.set(3, 5)
	a.set(1, 2)
	a.set(3, 6)
	b.set(2, 7)
	b.set(3, 4)
	if a.get(1) != 2 || a.get(3) != 6 || a.get(2) != 0 || len(a) != 2 {
		t.Fatalf("a = %v", a)
	}
	c := a.clone()
	c.join(b)
	if fmt.Sprint(c) != "[{1 2} {2 7} {3 6}]" {
		t.Errorf("join = %v", c)
	}
	if fmt.Sprint(a) != "[{1 2} {3 6}]" {
		t.Errorf("join changed its argument's source: %v", a)
	}
	d := c.clone()
	d.join(a) // a is below c: nothing to do
	if fmt.Sprint(d) != fmt.Sprint(c) {
		t.Errorf("join of a smaller clock = %v", d)
	}
}
