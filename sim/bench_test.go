package sim

import (
	"runtime"
	"testing"
)

// benchScenario keeps the scheduler busy: on 4 Ps, 32 pingers and 32
// pongers exchange messages on two unbuffered channels (a hand-off
// through runnext per message), 8 producers feed 8 consumers through a
// buffered channel, and every G yields now and then (the global queue) and
// computes a little (stealing, sysmon).
const benchScenario = `config procs=4 seed=1 runtimegs=off
func main {
    make ping 0
    make pong 0
    make jobs 16
    repeat 32 {
        add wg 2
        go pinger
        go ponger
    }
    repeat 8 {
        add wg 2
        go producer
        go consumer
    }
    wait wg
}
func pinger {
    repeat 200 {
        send ping
        recv pong
        tick 100
        if $i == 50 {
            gosched
        }
    }
    done wg
}
func ponger {
    repeat 200 {
        recv ping
        send pong
    }
    done wg
}
func producer {
    repeat 400 {
        send jobs
        tick 50
    }
    done wg
}
func consumer {
    repeat 400 {
        recv jobs
        work 1us
    }
    done wg
}
`

// BenchmarkEvents measures the simulator driven by the scenario
// interpreter: scheduling events per second and allocations per event.
// "trace" keeps every event in memory (Config.MaxEvents) and reads the
// trace at the end; "count" keeps none, as a run that only wants the
// program's output does.
func BenchmarkEvents(b *testing.B) {
	sc, err := ParseScenario(benchScenario)
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []struct {
		name      string
		maxEvents int
	}{{"trace", 0}, {"count", -1}} {
		b.Run(mode.name, func(b *testing.B) {
			sc.Config.MaxEvents = mode.maxEvents
			var events int64
			var ms0, ms1 runtime.MemStats
			runtime.ReadMemStats(&ms0)
			cpu0 := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				o := sc.Run()
				if o.Exit != 0 {
					b.Fatalf("exit %d: %s", o.Exit, o.Stderr)
				}
				if mode.maxEvents == 0 && len(o.Sim.Trace().Events) == 0 {
					b.Fatal("no trace")
				}
				events += o.Sim.Stats().Events
			}
			b.StopTimer()
			cpu := cpuTime() - cpu0
			runtime.ReadMemStats(&ms1)
			b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
			if cpu > 0 {
				// Per second of CPU used by the whole process (GC workers
				// too): steadier than wall time on a loaded machine.
				b.ReportMetric(float64(events)/cpu.Seconds(), "events/cpu-s")
			}
			b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/float64(events), "allocs/event")
			b.ReportMetric(float64(events)/float64(b.N), "events/op")
		})
	}
}
