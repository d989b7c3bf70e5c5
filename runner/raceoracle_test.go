package runner_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var raceOracle = flag.Bool("raceoracle", false, "regenerate testdata/race goldens by running every program under go run -race")

// raceOracleRuns is how many times TestRaceOracle runs each program; all
// runs must agree once normalised.
const raceOracleRuns = 5

// raceDir holds the race corpus: programs with and without data races,
// and what the real race detector said of each.
const raceDir = "testdata/race"

// TestRaceOracle regenerates the race corpus's goldens from the real
// toolchain's race detector:
//
//	go test ./runner -run TestRaceOracle -raceoracle
//
// Each program is built with -race and run raceOracleRuns times with
// GOMAXPROCS=4. A golden keeps the exit status and stderr with addresses,
// program counters and directories normalised (normalizeRace); it is
// written only if every run gives the same.
func TestRaceOracle(t *testing.T) {
	if !*raceOracle {
		t.Skip("regenerates goldens from the real toolchain; run with -raceoracle")
	}
	goCmd, version := realGo(t)
	bin := t.TempDir()
	for _, name := range globNames(t, raceDir, ".go") {
		t.Run(name, func(t *testing.T) {
			prog, err := filepath.Abs(filepath.Join(raceDir, name+".go"))
			if err != nil {
				t.Fatal(err)
			}
			exe := filepath.Join(bin, name)
			if out, err := exec.Command(goCmd, "build", "-race", "-o", exe, prog).CombinedOutput(); err != nil {
				t.Fatalf("go build -race %s: %v\n%s", prog, err, out)
			}
			var first []byte
			for i := range raceOracleRuns {
				cmd := exec.Command(exe)
				cmd.Env = append(os.Environ(), "GOMAXPROCS=4")
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				err := cmd.Run()
				var exitErr *exec.ExitError
				if err != nil && !errors.As(err, &exitErr) {
					t.Fatal(err)
				}
				res := fmt.Appendf(nil, "exit %d\n%s", cmd.ProcessState.ExitCode(), normalizeRace(stderr.Bytes()))
				// Which of two symmetric goroutines comes first varies;
				// the runs must agree on what the test compares.
				if i == 0 {
					first = res
				} else if a, b := raceSummary(t, first, name), raceSummary(t, res, name); a != b {
					t.Fatalf("runs differ (%s, %s):\n%s\n---\n%s", a, b, first, res)
				}
			}
			comment := fmt.Sprintf("Recorded by TestRaceOracle: %s, go build -race, GOMAXPROCS=4, %d runs with the same exit status and pairs of lines.\n", version, raceOracleRuns)
			if err := os.WriteFile(filepath.Join(raceDir, name+".golden"), append([]byte(comment), first...), 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}

var (
	raceAddr = regexp.MustCompile(`0x[0-9a-f]{8,}`)
	racePC   = regexp.MustCompile(` \+0x[0-9a-f]+$`)
	racePath = regexp.MustCompile(`^(\s+)/\S*/([^/\s]+\.go:\d+)`)
)

// normalizeRace drops what differs between builds and machines from a race
// report: the addresses (0xADDR), the program counters, the directories of
// the files.
func normalizeRace(stderr []byte) []byte {
	var b bytes.Buffer
	for _, l := range strings.SplitAfter(string(stderr), "\n") {
		nl := strings.HasSuffix(l, "\n")
		l = strings.TrimSuffix(l, "\n")
		l = raceAddr.ReplaceAllString(l, "0xADDR")
		l = racePC.ReplaceAllString(l, "")
		l = racePath.ReplaceAllString(l, "$1$2")
		b.WriteString(l)
		if nl {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// raceGolden is what a golden says: the exit status and the reports, each
// as the pair of lines of its two accesses (the first frame in the
// program's file of each), in the order reported.
type raceGolden struct {
	exit  int
	pairs []string
}

var raceFrame = regexp.MustCompile(`^\s+(\S+\.go):(\d+)`)

func parseRaceGolden(data []byte, file string) (raceGolden, error) {
	var g raceGolden
	lines := strings.Split(string(data), "\n")
	for len(lines) > 0 && !strings.HasPrefix(lines[0], "exit ") {
		lines = lines[1:]
	}
	if len(lines) == 0 {
		return g, errors.New("no exit line")
	}
	code, err := strconv.Atoi(strings.TrimPrefix(lines[0], "exit "))
	if err != nil {
		return g, err
	}
	g.exit = code
	var sides []string
	inAccess := false
	for _, l := range lines[1:] {
		switch {
		case strings.HasPrefix(l, "Read at") || strings.HasPrefix(l, "Write at") ||
			strings.HasPrefix(l, "Previous read at") || strings.HasPrefix(l, "Previous write at"):
			inAccess = true
		case l == "":
			inAccess = false
		default:
			if m := raceFrame.FindStringSubmatch(l); inAccess && m != nil && m[1] == file {
				sides = append(sides, m[2])
				inAccess = false
			}
		}
		if l == "==================" && len(sides) == 2 {
			g.pairs = append(g.pairs, linePair(sides[0], sides[1]))
			sides = nil
		}
	}
	return g, nil
}

func raceSummary(t *testing.T, golden []byte, name string) string {
	g, err := parseRaceGolden(golden, name+".go")
	if err != nil {
		t.Fatal(err)
	}
	pairs := slices.Compact(slices.Sorted(slices.Values(g.pairs)))
	return fmt.Sprint(g.exit, pairs)
}

// linePair names a race by its two lines, smaller first.
func linePair(a, b string) string {
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	return fmt.Sprintf("%d-%d", min(x, y), max(x, y))
}
