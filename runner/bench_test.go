package runner_test

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// program50 is a typical 50-line lesson program: a worker pool.
const program50 = `package main

import (
	"fmt"
	"sync"
	"time"
)

type job struct {
	id   int
	cost time.Duration
}

type result struct {
	id     int
	worker int
}

func worker(id int, jobs <-chan job, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(j.cost)
		results <- result{id: j.id, worker: id}
	}
}

func main() {
	jobs := make(chan job, 10)
	results := make(chan result, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for i := 1; i <= 9; i++ {
		jobs <- job{id: i, cost: time.Duration(i) * time.Millisecond}
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	sum := 0
	for r := range results {
		sum += r.id
	}
	fmt.Println("sum", sum)
	start := time.Now()
	time.Sleep(5 * time.Millisecond)
	fmt.Println("slept", time.Since(start))
}
`

func run(b *testing.B, src string, opts runner.Options) *runner.Result {
	b.Helper()
	res, err := runner.Run(context.Background(), []byte(src), opts)
	if err != nil {
		b.Fatal(err)
	}
	if res.Outcome != runner.OutcomeOK {
		b.Fatalf("outcome %v: %s %s", res.Outcome, res.Stderr, res.Detail)
	}
	return res
}

// BenchmarkRun50 is rewrite + run of a 50-line program in process.
// Target: ≤ 20 ms.
func BenchmarkRun50(b *testing.B) {
	for b.Loop() {
		run(b, program50, runner.Options{Procs: 1})
	}
}

const pingpong = `package main

import "fmt"

func main() {
	c := make(chan int)
	done := make(chan bool)
	go func() {
		s := 0
		for i := 0; i < 100000; i++ {
			s += <-c
		}
		fmt.Println(s)
		done <- true
	}()
	for i := 0; i < 100000; i++ {
		c <- i
	}
	<-done
}
`

// BenchmarkMessages sends 100,000 messages over an unbuffered channel on
// the simulator; BenchmarkMessagesPlainYaegi does the same in plain yaegi
// with real goroutines. Target: the simulator at most 2× plain yaegi.
func BenchmarkMessages(b *testing.B) {
	for b.Loop() {
		run(b, pingpong, runner.Options{Procs: 1})
	}
}

func BenchmarkMessagesPlainYaegi(b *testing.B) {
	for b.Loop() {
		it := interp.New(interp.Options{Stdout: discard{}})
		it.Use(stdlib.Symbols)
		if _, err := it.Eval(pingpong); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// peakMB reports, as the metric peak-MB, the most memory the Go runtime
// held from the OS (all memory classes but released heap) while the
// benchmark ran: what a memory target is about, where B/op counts
// allocations, freed or not. Sampled every millisecond.
func peakMB(b *testing.B) (stop func()) {
	b.Helper()
	runtime.GC()
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}, {Name: "/memory/classes/heap/stacks:bytes"}}
	var speak uint64
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(samples)
			peak = max(peak, samples[0].Value.Uint64()-samples[1].Value.Uint64())
			speak = max(speak, samples[2].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		b.ReportMetric(float64(speak)/(1<<20), "stack-MB")
	}
}

// BenchmarkBlocked10k parks 10,000 goroutines on one channel, then
// releases them. Target: ≤ 1 s and ≤ 150 MB (peak-MB).
func BenchmarkBlocked10k(b *testing.B) {
	src := fmt.Sprintf(`package main

import "fmt"

func main() {
	c := make(chan int)
	done := make(chan int)
	for i := 0; i < %d; i++ {
		go func() { done <- <-c }()
	}
	for i := 0; i < %d; i++ {
		c <- i
	}
	s := 0
	for i := 0; i < %d; i++ {
		s += <-done
	}
	fmt.Println(s)
}
`, 10000, 10000, 10000)
	stop := peakMB(b)
	for b.Loop() {
		run(b, src, runner.Options{Procs: 1})
	}
	stop()
}

// BenchmarkSpawn100k spawns 100,000 goroutines that each finish.
// Target: ≤ 3 s. (peak-MB for information.)
func BenchmarkSpawn100k(b *testing.B) {
	src := `package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := 0
	for i := 0; i < 100000; i++ {
		wg.Add(1)
		go func() {
			mu.Lock()
			n++
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println(n)
}
`
	stop := peakMB(b)
	for b.Loop() {
		run(b, src, runner.Options{Procs: 1})
	}
	stop()
}
