//go:build unix

package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptCleansUp: Ctrl-C during check stops the grade worker,
// removes its result file from the temporary folder (it was left there at
// every Ctrl-C) and exits 130, saying so in the learner's language. The
// command is the test binary acting as gotour-gpm, in its own process,
// with its own TMPDIR.
func TestInterruptCleansUp(t *testing.T) {
	// As a terminal does, to the whole process group (the worker gets it
	// too, and may die first), and to the tool alone.
	for _, group := range []bool{true, false} {
		interruptCheck(t, group)
	}
}

func interruptCheck(t *testing.T, group bool) {
	tmp, dir := t.TempDir(), t.TempDir()
	prog := filepath.Join(dir, "fix-deadlock.go")
	os.WriteFile(prog, []byte("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n"), 0o644)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "check", "fix-deadlock", prog)
	cmd.Env = append(testWorkerEnvFor("main"), "TMPDIR="+tmp, "LANG=zh_CN.UTF-8", configDirEnv+"="+filepath.Join(dir, "config"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once the grade worker has its result file, as a learner's
	// Ctrl-C would come while grading.
	for {
		if names, _ := filepath.Glob(filepath.Join(tmp, resultPrefix+"*")); len(names) > 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	pid := cmd.Process.Pid
	if group {
		pid = -pid
	}
	syscall.Kill(pid, syscall.SIGINT)
	err = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
		t.Errorf("group %v: check after Ctrl-C: exit %d (%v), want %d; stderr:\n%s", group, code, err, exitInterrupted, stderr.String())
	}
	if got, want := stderr.String(), "gotour-gpm: 已中断\n"; got != want {
		t.Errorf("group %v: check after Ctrl-C: stderr %q, want %q", group, got, want)
	}
	left, _ := os.ReadDir(tmp)
	for _, f := range left {
		t.Errorf("group %v: left in the temporary folder after Ctrl-C: %s", group, f.Name())
	}
}

// TestStaleResultsRemoved: the result file of a parent that is gone (it
// was killed) is removed by the next call; a live parent's is kept.
func TestStaleResultsRemoved(t *testing.T) {
	dir := t.TempDir()
	// A process that has ended: its id is free.
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, resultPrefix+"__grade-"+itoa(dead.Process.Pid)+"-1.json")
	live := filepath.Join(dir, resultPrefix+"__worker-"+itoa(os.Getppid())+"-2.json")
	other := filepath.Join(dir, "gotour-gpm-notes.json")
	for _, f := range []string{stale, live, other} {
		os.WriteFile(f, nil, 0o600)
	}
	removeStaleResults(dir)
	var got []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := filepath.Base(live) + " " + filepath.Base(other)
	if strings.Join(got, " ") != want {
		t.Errorf("after removeStaleResults: %v, want %s", got, want)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
