package tour_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

func TestParseInfo(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want tour.Info
	}{
		{"defaults", "go run id=hello", tour.Info{ID: "hello", Procs: 1, CPUs: 1}},
		{"cpus follow procs", "go run id=x procs=4", tour.Info{ID: "x", Procs: 4, CPUs: 4}},
		{"every setting", "go run id=a-1 procs=2 cpus=8 seed=18446744073709551615 show=trace,timeline exercise=ex1 expect=deadlock",
			tour.Info{ID: "a-1", Procs: 2, CPUs: 8, Seed: 1<<64 - 1, Show: []tour.View{tour.ViewTrace, tour.ViewTimeline}, Exercise: "ex1", Expect: tour.FailDeadlock}},
		{"any order, extra spaces", "go  run\tnorun   id=z", tour.Info{ID: "z", Procs: 1, CPUs: 1, NoRun: true}},
		{"nobuild", "go run id=broken nobuild", tour.Info{ID: "broken", Procs: 1, CPUs: 1, NoBuild: true}},
		{"all views", "go run id=v show=timeline,queues,stack,chan,summary,trace", tour.Info{ID: "v", Procs: 1, CPUs: 1,
			Show: []tour.View{tour.ViewTimeline, tour.ViewQueues, tour.ViewStack, tour.ViewChan, tour.ViewSummary, tour.ViewTrace}}},
		{"explicit defaults", "go run id=d procs=1 cpus=1 seed=0", tour.Info{ID: "d", Procs: 1, CPUs: 1}},
		{"exercise with norun", "go run id=e exercise=e norun", tour.Info{ID: "e", Procs: 1, CPUs: 1, Exercise: "e", NoRun: true}},
		{"expect fatal", "go run id=f expect=fatal show=stack", tour.Info{ID: "f", Procs: 1, CPUs: 1, Show: []tour.View{tour.ViewStack}, Expect: tour.FailFatal}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tour.ParseInfo(tt.in)
			if err != nil {
				t.Fatalf("ParseInfo(%q) error = %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseInfo(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseInfoErrors(t *testing.T) {
	tests := []struct {
		in   string
		want string // the whole error text; joined errors are one per line
	}{
		{"go", `info string "go" does not start with "go run"`},
		{"go build id=x", `info string "go build id=x" does not start with "go run"`},
		{"go run", "runnable snippet has no id= setting"},
		{"go run id=", `setting "id" needs a value (id=...)`},
		{"go run id", `setting "id" needs a value (id=...)`},
		{"go run id=Hello", `id="Hello" is not a slug (lower-case letters, digits, single hyphens)`},
		{"go run id=a--b", `id="a--b" is not a slug (lower-case letters, digits, single hyphens)`},
		{"go run id=x id=y", `setting "id" given twice`},
		{"go run id=x procs=0", "procs=0 out of range 1..64"},
		{"go run id=x procs=65", "procs=65 out of range 1..64"},
		{"go run id=x cpus=-1", `cpus="-1" is not a decimal number`},
		{"go run id=x procs=+2", `procs="+2" is not a decimal number`},
		{"go run id=x seed=0x10", `seed="0x10" is not a decimal number`},
		{"go run id=x seed=18446744073709551616", "seed=18446744073709551616 is too large"},
		{"go run id=x show=movie", "show=movie: unknown view \"movie\" (want one of timeline|queues|stack|chan|summary|trace)"},
		{"go run id=x show=timeline,", "show=timeline,: unknown view \"\" (want one of timeline|queues|stack|chan|summary|trace)"},
		{"go run id=x show=chan,chan", `show=chan,chan: view "chan" listed twice`},
		{"go run id=x expect=crash", "expect=crash: want one of deadlock|panic|fatal|exit"},
		{"go run id=x expect=Fatal", "expect=Fatal: want one of deadlock|panic|fatal|exit"},
		{"go run id=x norun expect=fatal", "procs, cpus, seed, show and expect need a run: not allowed with norun"},
		{"go run id=x norun=yes", `setting "norun" takes no value`},
		{"go run id=x nbuild", `unknown setting "nbuild"`},
		{"go run id=x colour=red", `unknown setting "colour"`},
		{"go run id=x norun nobuild", "nobuild implies norun: give only nobuild"},
		{"go run id=x norun show=timeline", "procs, cpus, seed, show and expect need a run: not allowed with norun"},
		{"go run id=x nobuild expect=panic", "procs, cpus, seed, show and expect need a run: not allowed with nobuild"},
		{"go run id=x norun procs=1", "procs, cpus, seed, show and expect need a run: not allowed with norun"},
		{"go run id=x nobuild exercise=x", "an exercise's starter code must build: exercise= not allowed with nobuild"},
		{"go run procs=0 bogus", "procs=0 out of range 1..64\nunknown setting \"bogus\""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := tour.ParseInfo(tt.in)
			if err == nil {
				t.Fatalf("ParseInfo(%q) = %+v, want error %q", tt.in, got, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("ParseInfo(%q) error = %q, want %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestInfoString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"go run id=x", "go run id=x"},
		{"go run id=x procs=1 cpus=1 seed=0", "go run id=x"},
		{"go run expect=exit seed=7 id=x cpus=2", "go run id=x cpus=2 seed=7 expect=exit"},
		{"go run id=x procs=4 cpus=4", "go run id=x procs=4"},
		{"go run nobuild id=x", "go run id=x nobuild"},
		{"go run norun exercise=e id=x", "go run id=x exercise=e norun"},
		{"go run id=x show=summary,timeline", "go run id=x show=summary,timeline"},
		{"go run expect=fatal show=stack id=x", "go run id=x show=stack expect=fatal"},
	}
	for _, tt := range tests {
		in, err := tour.ParseInfo(tt.in)
		if err != nil {
			t.Fatalf("ParseInfo(%q) error = %v", tt.in, err)
		}
		if got := in.String(); got != tt.want {
			t.Errorf("ParseInfo(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzParseInfo checks that ParseInfo never panics, and that whatever it
// accepts prints to a canonical string that parses back to the same Info.
func FuzzParseInfo(f *testing.F) {
	for _, s := range seedInfos(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in, err := tour.ParseInfo(s)
		if err != nil {
			return
		}
		canon := in.String()
		if !strings.HasPrefix(canon, "go run id=") {
			t.Fatalf("ParseInfo(%q).String() = %q, want a \"go run id=\" prefix", s, canon)
		}
		again, err := tour.ParseInfo(canon)
		if err != nil {
			t.Fatalf("ParseInfo(%q) error = %v; it is the String() of ParseInfo(%q)", canon, err, s)
		}
		if diff := cmp.Diff(in, again); diff != "" {
			t.Fatalf("ParseInfo(String()) of %q mismatch (-first +second):\n%s", s, diff)
		}
	})
}
