//go:build unix

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// TestHostileUnderLoad runs the corpus cases marked "load" while CPU
// hogs keep every core busy: child processes at nice 19, as many as
// there are CPUs, started here and killed at the end. Each case must end
// with the same limit, message and output as on a quiet machine: the
// time limit is on the worker's CPU time, so a busy machine slows a run
// down but does not change its verdict. Nothing here depends on how long
// anything takes.
func TestHostileUnderLoad(t *testing.T) {
	files, err := filepath.Glob("testdata/hostile/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var cases []*hostile
	for _, file := range files {
		if h := readHostile(t, file); h.load {
			cases = append(cases, h)
		}
	}
	if len(cases) == 0 {
		t.Fatal("no corpus case is marked load")
	}
	for range max(2, runtime.NumCPU()) {
		startHog(t)
	}
	for _, h := range cases {
		t.Run(h.name, func(t *testing.T) {
			if *update {
				t.Skip("-update rewrites the corpus in TestHostile only")
			}
			h.check(t, filepath.Join("testdata", "hostile", h.name+".txtar"))
		})
	}
}

// startHog starts the test binary as a busy loop at nice 19 (the "hog"
// worker mode), killed when the test ends.
func startHog(t *testing.T) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = testWorkerEnvFor("hog")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	if err := syscall.Setpriority(syscall.PRIO_PROCESS, cmd.Process.Pid, 19); err != nil {
		t.Fatalf("renicing the hog: %v", err)
	}
}
