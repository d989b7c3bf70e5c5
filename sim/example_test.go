package sim_test

import (
	"fmt"
	"os"

	"github.com/gotour-gpm/gotour-gpm/sim"
)

// A driver runs whichever G the Sim names and calls the Sim at each of
// that G's scheduling points. Here main (G1) starts two goroutines and
// computes for 50µs on P0; each goroutine computes for 20µs. The go
// statements put the new Gs in P0's runnext (the second kicks the first to
// the local queue) and wake an idle P: its M spins, steals the queued G
// and, once that one is done, steals the other one from runnext, after
// the 3µs it leaves P0 to run it itself.
func ExampleNew() {
	s := sim.New(sim.Config{Procs: 2, NoRuntimeGs: true})
	next := map[*sim.G]int{}   // each G's next statement
	left := map[*sim.G]int64{} // work a G still has to do
	for g := s.Current(); g != nil; g = s.Current() {
		if n := left[g]; n > 0 {
			left[g] = s.Work(n) // the work goes on where it stopped
			continue
		}
		step := next[g]
		next[g]++
		switch {
		case g.Fn == nil && step < 2: // main: go work(); go work()
			s.Go("work")
		case g.Fn == nil && step == 2:
			left[g] = s.Work(50_000) // stops when P1's turn comes
		case g.Fn == nil:
			s.MainReturn()
		case step == 0: // work
			left[g] = s.Work(20_000)
		default:
			s.Exit()
		}
	}
	s.Trace().WriteText(os.Stdout)
	// Output:
	//            0 P0  M0  G1    run         n=1
	//          300 P0  M0  G2    go          other=1
	//          300 P0  M0  G2    runnext
	//          300 -   -   -     mstart      n=1
	//         5300 P1  M1  -     wake        wakep
	//          600 P0  M0  G3    go          other=1
	//          600 P0  M0  G3    runnext     other=2
	//          600 P0  M0  G2    runqput     n=1
	//          600 P0  M0  G1    work        n=50000
	//         5350 P1  M1  G2    steal       n=1 gs=2
	//         5350 P1  M1  G2    run         n=1
	//         5350 P1  M1  G2    work        n=20000
	//        25350 P1  M1  G2    exit
	//        28700 P1  M1  G3    steal       n=1 gs=3 runnext
	//        28700 P1  M1  G3    run         n=2
	//        28700 P1  M1  G3    work        n=20000
	//        48700 P1  M1  G3    exit
	//        49050 P1  M1  -     idle
	//        50600 P0  M0  G1    exit        main returned: exit(0)
}

// A send to a waiting receiver hands the value over and readies the
// receiver into the sender's runnext: it runs as soon as the sender
// blocks. The driver reads what a G received with Woken once it runs again.
func ExampleSim_Send() {
	s := sim.New(sim.Config{Procs: 1, NoRuntimeGs: true})
	ch, _ := s.MakeChan(0)
	s.Go("receiver")
	s.Gosched() // main yields: the receiver runs and parks in Recv
	for g := s.Current(); g != nil; g = s.Current() {
		if g.Fn == "receiver" {
			if g.Status == sim.Grunning && s.Woken().Value == nil {
				s.Recv(ch) // parks: nobody sends yet
				continue
			}
			fmt.Printf("G%d received %v\n", g.ID, s.Woken().Value)
			s.Exit()
			continue
		}
		if s.NumGoroutine() == 1 {
			s.MainReturn()
			continue
		}
		fmt.Println("main sends")
		s.Send(ch, "hello")                                  // hand-off: no buffer
		fmt.Println("main goes on; runnext is the receiver") // main keeps its P
		s.Gosched()
	}
	// Output:
	// main sends
	// main goes on; runnext is the receiver
	// G2 received hello
}

// When no G can run and no timer is pending, the run ends in the
// runtime's deadlock report, listing the blocked goroutines in creation
// order. Scenarios are the simulator's small text form of programs.
func ExampleParseScenario() {
	sc, err := sim.ParseScenario(`
config procs=1
func main {
    make ch 0
    add wg 1
    go sender
    print main waits
    wait wg
}
func sender {
    send ch 42
}
`)
	if err != nil {
		fmt.Println(err)
		return
	}
	sc.Config.NoRuntimeGs = true
	o := sc.Run()
	fmt.Print(o.Stdout, o.Stderr)
	fmt.Println("exit status", o.Exit)
	// Output:
	// main waits
	// fatal error: all goroutines are asleep - deadlock!
	// goroutine 1 [sync.WaitGroup.Wait]:
	// goroutine 2 [chan send]:
	// exit status 2
}

// A Snapshot is the whole machine between two operations: each P with its
// M, running G, runnext and local queue; the global queue; the idle lists;
// every G with its state; every channel with its buffer and wait queues.
func ExampleSim_Snapshot() {
	s := sim.New(sim.Config{Procs: 2, NoRuntimeGs: true})
	ch, _ := s.MakeChan(2)
	s.Send(ch, "x")
	for range 3 {
		s.Go(nil)
	}
	sn := s.Snapshot()
	sn.WriteText(os.Stdout)
	// Output:
	// t=930 seq=13 procs=2 current=G1
	// P0 [M0] running G1 | next G4 | runq G2 G3
	// P1 [M1] waking spinning | next - | runq -
	// global: -
	// idle: Ps - Ms -
	// Gs: G1 [running] G2 [runnable] G3 [runnable] G4 [runnable]
	// chans: ch1 cap 2 [v .] recvq - sendq -
}
