package termview

import (
	"bytes"
	"context"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// mapCache is a Cache in memory that counts its hits and stores.
type mapCache struct {
	mu         sync.Mutex
	runs       map[string][]byte
	hits, puts int
}

func (c *mapCache) Get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	res, ok := c.runs[key]
	if ok {
		c.hits++
	}
	return res, ok
}

func (c *mapCache) Put(key string, res []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.runs[key] = res
	c.puts++
}

// TestCache renders lesson 1 twice with one cache: the first view runs
// and stores every snippet that runs, the second takes them all from the
// cache and shows the same bytes.
func TestCache(t *testing.T) {
	tr, err := tour.Load(lessons.FS(), "en")
	if err != nil {
		t.Fatal(err)
	}
	l := tr.Lessons[0]
	runnable := 0
	for _, sn := range l.Snippets {
		if !sn.Info.NoRun && !sn.Info.NoBuild {
			runnable++
		}
	}
	c := &mapCache{runs: map[string][]byte{}}
	var outs [2]bytes.Buffer
	for i := range outs {
		r := newRenderer(t, Options{Run: true, Parallel: 2, Cache: c})
		if err := r.Lesson(context.Background(), &outs[i], l); err != nil {
			t.Fatal(err)
		}
	}
	if c.puts != runnable || c.hits != runnable {
		t.Errorf("two views of %d runnable snippets: %d stored, %d taken from the cache; want %d and %d", runnable, c.puts, c.hits, runnable, runnable)
	}
	if diff := cmp.Diff(outs[0].String(), outs[1].String()); diff != "" {
		t.Errorf("the view from the cache differs (-first +second):\n%s", diff)
	}
}

// TestCacheKey checks that a block's key changes with everything the
// drawing depends on, and only with that.
func TestCacheKey(t *testing.T) {
	r := newRenderer(t, Options{})
	base := tour.Snippet{ID: "a", Code: "package main\n", Info: tour.Info{Procs: 1, CPUs: 1}}
	key := r.blockKey(&base)
	if again := base; r.blockKey(&again) != key {
		t.Errorf("the same snippet has two keys")
	}
	for name, change := range map[string]func(*tour.Snippet){
		"code":   func(s *tour.Snippet) { s.Code += "\n" },
		"procs":  func(s *tour.Snippet) { s.Info.Procs = 2 },
		"cpus":   func(s *tour.Snippet) { s.Info.CPUs = 8 },
		"seed":   func(s *tour.Snippet) { s.Info.Seed = 3 },
		"id":     func(s *tour.Snippet) { s.ID = "b" }, // the file name in compile errors, the heading
		"show":   func(s *tour.Snippet) { s.Info.Show = []tour.View{tour.ViewTimeline} },
		"expect": func(s *tour.Snippet) { s.Info.Expect = tour.FailPanic },
		"output": func(s *tour.Snippet) { s.Output = &tour.Expected{Stdout: "x\n", StdoutLine: 3} },
	} {
		s := base
		change(&s)
		if r.blockKey(&s) == key {
			t.Errorf("changing the snippet's %s keeps its key", name)
		}
	}
	for name, opts := range map[string]Options{
		"width":  {Width: 60},
		"colour": {Color: true},
		"lang":   {Lang: i18n.Zh},
	} {
		if newRenderer(t, opts).blockKey(&base) == key {
			t.Errorf("another %s keeps the key", name)
		}
	}
}
