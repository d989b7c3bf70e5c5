package cli

import (
	"encoding/json"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gotour-gpm/gotour-gpm/lessons"
)

// TestCheckUngraded grades with a wall-clock limit no run can meet, as on
// a machine far too slow: check says the program could not be graded, in
// the learner's language, gives no verdict and exits 1, not 3; --json
// says so too.
func TestCheckUngraded(t *testing.T) {
	saved := gradeOptions
	gradeOptions.RunTimeout = time.Nanosecond
	t.Cleanup(func() { gradeOptions = saved })
	sol, err := fs.ReadFile(lessons.FS(), "solutions/fix-deadlock.go")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "fix-deadlock.go")
	writeFile(t, file, sol)
	for _, c := range []struct{ lang, want string }{{"en", "Could not grade on this machine"}, {"zh", "无法在这台机器上评分"}} {
		e, stdout, stderr := newTestEnv(t)
		if code := e.run([]string{"check", "--lang", c.lang, file}); code != 1 {
			t.Errorf("%s: exit %d, want 1\n%s%s", c.lang, code, stdout, stderr)
		}
		if !strings.Contains(stdout.String(), c.want) || strings.Contains(stdout.String(), "✗") {
			t.Errorf("%s: the report does not say it could not grade, or fails a check:\n%s", c.lang, stdout)
		}
	}
	e, stdout, _ := newTestEnv(t)
	e.run([]string{"check", "--json", file})
	var out jsonReport
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("check --json: %v\n%s", err, stdout)
	}
	if !out.Ungraded || out.Error == "" || out.Pass {
		t.Errorf("check --json: ungraded %t, error %q, pass %t", out.Ungraded, out.Error, out.Pass)
	}
}

// TestCheckJSONNoFile: a file that cannot be read still gets a JSON
// result, with the reason, for the editor that asked.
func TestCheckJSONNoFile(t *testing.T) {
	e, stdout, _ := newTestEnv(t)
	if code := e.run([]string{"check", "--json", "fix-deadlock", filepath.Join(t.TempDir(), "missing.go")}); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var out jsonReport
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("check --json of a missing file: %v\n%s", err, stdout)
	}
	if out.Exercise != "fix-deadlock" || !strings.Contains(out.Error, "missing.go") {
		t.Errorf("got %+v, want the exercise and an error naming the file", out)
	}
}
