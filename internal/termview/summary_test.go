package termview

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/sim"
)

// TestSummary checks the run command's summary in both languages: the
// lesson's rows, then GOMAXPROCS and the seed; the races row only when
// another P's goroutine ran in the middle of an unsynchronised update.
func TestSummary(t *testing.T) {
	st := sim.Stats{Goroutines: 5, MaxLive: 3, Switches: 8, Steals: 2, StackGrowths: 1, StackCopied: 2048}
	got := Summary(st, 15_883, 2, 7, i18n.En)
	want := "gotour-gpm: summary\n" +
		"  virtual time      15.88µs\n" +
		"  goroutines        5 created, at most 3 alive at once\n" +
		"  context switches  8\n" +
		"  steals            2\n" +
		"  hand-offs         0\n" +
		"  preemptions       0\n" +
		"  stack growths     1 (2 KiB copied)\n" +
		"  GOMAXPROCS        2\n" +
		"  seed              7\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("en summary (-want +got):\n%s", diff)
	}

	st.Races = 12
	for lang, row := range map[i18n.Lang]string{i18n.En: "racy updates interrupted  12", i18n.Zh: "被打断的竞争更新  12"} {
		got := Summary(st, 15_883, 2, 7, lang)
		if !strings.Contains(got, "\n  "+row+"\n") {
			t.Errorf("%s summary with races lacks %q:\n%s", lang, row, got)
		}
	}
	if zh := Summary(st, 0, 1, 0, i18n.Zh); !strings.HasPrefix(zh, "gotour-gpm: 运行摘要\n") || !strings.Contains(zh, "种子") {
		t.Errorf("zh summary is not in Chinese:\n%s", zh)
	}
}
