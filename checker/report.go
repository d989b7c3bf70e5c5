package checker

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/sim"
)

// Report is the result of grading one program: one CaseResult per case.
type Report struct {
	// Exercise is the exercise's id, File the program's file name.
	Exercise string
	File     string
	// Pass is true when every case passed.
	Pass bool
	// Cases are the results: "compiles" first, then the exercise's cases
	// in order.
	Cases []CaseResult
	// Seeds, Procs and CPUs are the schedules planned: seeds 0 to
	// Seeds-1, each with every Procs value, on CPUs simulated CPUs.
	Seeds int
	Procs []int
	CPUs  int
	// Schedules is how many schedules were planned, Graded how many were
	// graded before the first failure stopped grading (all of them when
	// the program passes).
	Schedules, Graded int
	// Distinct is how many of the graded schedules ran differently: runs
	// whose goroutines took the Ps in a different order. Seeds that give
	// the same run explore nothing new.
	Distinct int
	// Ungraded, when set, says why the program could not be graded on
	// this machine: a run hit the wall-clock limit before any virtual
	// limit. That is no verdict on the program, so Pass is false but no
	// case failed because of it.
	Ungraded i18n.Text
}

// Status is how a case came out.
type Status string

// The statuses of a case.
const (
	Pass Status = "pass"
	Fail Status = "fail"
	Skip Status = "skip" // not applied: the program did not compile, or did not end normally
)

// Kind says whether a case looked at the source or at the runs.
type Kind string

// The kinds of case.
const (
	KindSource Kind = "source"
	KindRun    Kind = "run"
)

// CaseResult is how one case came out.
type CaseResult struct {
	// ID is the case's stable id ([Case.ID]; "compiles" for the first).
	ID string
	// Name says what was checked.
	Name   i18n.Text
	Kind   Kind
	Status Status
	// Message says what the learner needs to know, for a case that failed
	// or was skipped.
	Message i18n.Text
	// Line and Column are where in the file the fault is, when the case
	// found it at one place (a construct, a write, a compile error); 0
	// when unknown.
	Line, Column int
	// Got and Want are what was seen and what was wanted, for a case that
	// failed; they may hold several lines. Program output and code are the
	// same in both languages (their Zh is empty).
	Got, Want i18n.Text
	// Runs is how many schedules a passing run case was applied to.
	Runs int
	// HasSchedule is set for a failing run case: Seed, Procs and CPUs are
	// then the first schedule it failed on.
	HasSchedule bool
	Seed        uint64
	Procs, CPUs int
	// ScheduleDependent is set when the case passed on some other
	// schedule before it failed on this one.
	ScheduleDependent bool
	// ReplayFlags are the flags of "gotour-gpm run" that the replay
	// command needs besides the schedule: the grader's limits where they
	// differ from run's, and --summary or --timeline where they show the
	// fault.
	ReplayFlags []string
	// Timeline is set when the failing run's timeline helps to understand
	// the failure: a schedule-dependent failure, or a case about time and
	// parallelism. Trace is that run's trace, End its final virtual time.
	Timeline bool
	Trace    *sim.Trace `json:"-"`
	End      int64
}

// Replay is the command line that reruns the failing schedule of c on
// file.
func (c *CaseResult) Replay(file string) string {
	s := fmt.Sprintf("gotour-gpm run %s --seed %d --procs %d", shellQuote(file), c.Seed, c.Procs)
	if c.CPUs != 8 {
		s += fmt.Sprintf(" --cpus %d", c.CPUs)
	}
	for _, f := range c.ReplayFlags {
		s += " " + f
	}
	return s
}

// shellQuote quotes a file name for a shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Failed counts the cases that failed.
func (r *Report) Failed() int {
	n := 0
	for _, c := range r.Cases {
		if c.Status == Fail {
			n++
		}
	}
	return n
}

// TextOptions adjust Report.WriteText.
type TextOptions struct {
	// Lang is the language of the report.
	Lang i18n.Lang
	// Timeline, if set, draws the timeline of a failing case whose
	// Timeline field is set, from its Trace; the report indents what it
	// returns, and leaves it out if it is empty.
	Timeline func(c *CaseResult) string
}

// maxLines is how many lines of got or want a report shows.
const maxLines = 16

// WriteText writes the report for a terminal: one line per case, marked
// ✓ (passed), ✗ (failed) or - (not checked), and under a failed case what
// was got and wanted, what to do, and the schedule to replay.
func (r *Report) WriteText(w io.Writer, o TextOptions) error {
	var b strings.Builder
	t := func(en, zh string) string { return i18n.Text{En: en, Zh: zh}.In(o.Lang) }
	verdict := t("FAIL", "未通过")
	if r.Pass {
		verdict = t("PASS", "通过")
	}
	if r.Ungraded.En != "" {
		verdict = t("NOT GRADED", "未能评分")
	}
	fmt.Fprintf(&b, t("%s: %s (%s)\n", "%s：%s（%s）\n"), r.Exercise, verdict, r.File)
	if r.Ungraded.En != "" {
		b.WriteString(indent("  ", wrap(r.Ungraded.In(o.Lang), 76)))
	}
	for i := range r.Cases {
		c := &r.Cases[i]
		mark := map[Status]string{Pass: "✓", Fail: "✗", Skip: "-"}[c.Status]
		fmt.Fprintf(&b, "  %s %s\n", mark, c.Name.In(o.Lang))
		if c.Status == Pass {
			continue
		}
		const ind = "      "
		if c.Status == Fail {
			nothing := t("(nothing)", "（无）")
			writeValue(&b, ind, t("got:  ", "实际："), c.Got.In(o.Lang), nothing)
			writeValue(&b, ind, t("want: ", "期望："), c.Want.In(o.Lang), nothing)
		}
		if m := c.Message.In(o.Lang); m != "" {
			b.WriteString(indent(ind, wrap(m, 74)))
		}
		if c.HasSchedule {
			how := t("first failing schedule", "第一个失败的调度")
			if c.ScheduleDependent {
				how = t("fails only under some schedules; the first one", "只在部分调度下失败；第一个是")
			}
			fmt.Fprintf(&b, "%s%s"+t(": seed %d, procs %d\n", "：种子 %d，procs %d\n"), ind, how, c.Seed, c.Procs)
			fmt.Fprintf(&b, "%s%s%s\n", ind, t("replay it: ", "重放："), c.Replay(r.File))
		}
		if c.Timeline && o.Timeline != nil {
			if tl := o.Timeline(c); tl != "" {
				b.WriteString(indent(ind, tl))
			}
		}
	}
	b.WriteString("\n" + r.summary(o.Lang) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// summary is the report's last line.
func (r *Report) summary(lang i18n.Lang) string {
	scheds := i18n.Text{
		En: fmt.Sprintf("seeds 0-%d × procs %s", r.Seeds-1, joinInts(r.Procs)),
		Zh: fmt.Sprintf("种子 0-%d × procs %s", r.Seeds-1, joinInts(r.Procs)),
	}.In(lang)
	if r.Seeds == 1 {
		scheds = i18n.Text{
			En: fmt.Sprintf("seed 0 × procs %s", joinInts(r.Procs)),
			Zh: fmt.Sprintf("种子 0 × procs %s", joinInts(r.Procs)),
		}.In(lang)
	}
	if r.Pass {
		return i18n.Text{
			En: fmt.Sprintf("All %d checks passed, under %s (%d distinct runs).", len(r.Cases), scheds, r.Distinct),
			Zh: fmt.Sprintf("全部 %d 项检查都通过了（%s，其中 %d 种不同的运行）。", len(r.Cases), scheds, r.Distinct),
		}.In(lang)
	}
	s := i18n.Text{
		En: fmt.Sprintf("%d of %d checks failed.", r.Failed(), len(r.Cases)),
		Zh: fmt.Sprintf("%d 项检查中有 %d 项未通过。", len(r.Cases), r.Failed()),
	}.In(lang)
	if r.Graded < r.Schedules && r.Graded > 0 {
		s += i18n.Text{
			En: fmt.Sprintf(" Grading stopped at the first failing schedule: %d of %d (%s).", r.Graded, r.Schedules, scheds),
			Zh: fmt.Sprintf("评分在第一个失败的调度处停止：第 %d 种，共 %d 种（%s）。", r.Graded, r.Schedules, scheds),
		}.In(lang)
	}
	return s
}

// writeValue writes "got: x" on one line, or a multi-line value as an
// indented block, at most maxLines lines.
func writeValue(b *strings.Builder, ind, label, v, nothing string) {
	ls := lines(v)
	switch {
	case len(ls) == 0:
		fmt.Fprintf(b, "%s%s%s\n", ind, label, nothing)
		return
	case len(ls) == 1:
		fmt.Fprintf(b, "%s%s%s\n", ind, label, ls[0])
		return
	}
	fmt.Fprintf(b, "%s%s\n", ind, strings.TrimSpace(label))
	for i, l := range ls {
		if i == maxLines {
			fmt.Fprintf(b, "%s  ... (%d more lines)\n", ind, len(ls)-i)
			break
		}
		fmt.Fprintf(b, "%s  %s\n", ind, l)
	}
}

// indent prefixes every non-empty line of s with ind, and ends it with a
// newline.
func indent(ind, s string) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range ls {
		if l != "" {
			ls[i] = ind + l
		}
	}
	return strings.Join(ls, "\n") + "\n"
}

// wrap breaks text into lines of at most width columns at spaces; a
// line without spaces (Chinese text) is broken every width/2 runes, as
// each of its characters takes two columns.
func wrap(text string, width int) string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		var line []rune
		cols := 0
		flush := func() {
			out = append(out, strings.TrimRight(string(line), " "))
			line, cols = nil, 0
		}
		for _, word := range splitWords(para) {
			w := 0
			for _, r := range word {
				w += runeWidth(r)
			}
			if cols > 0 && cols+w > width {
				flush()
				word = strings.TrimLeft(word, " ")
				w = len(word)
			}
			line = append(line, []rune(word)...)
			cols += w
		}
		flush()
	}
	return strings.Join(out, "\n")
}

// splitWords splits s before each space and around each wide rune, so
// that wrap may break there.
func splitWords(s string) []string {
	var words []string
	start := 0
	for i, r := range s {
		if i > start && (r == ' ' || runeWidth(r) == 2) {
			words = append(words, s[start:i])
			start = i
		}
		if runeWidth(r) == 2 {
			words = append(words, s[start:i+len(string(r))])
			start = i + len(string(r))
		}
	}
	if start < len(s) {
		words = append(words, s[start:])
	}
	return words
}

// runeWidth is 2 for the East Asian wide characters of Chinese text, 1
// otherwise.
func runeWidth(r rune) int {
	if r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf || r >= 0xac00 && r <= 0xd7a3 ||
		r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 || r >= 0xffe0 && r <= 0xffe6) {
		return 2
	}
	return 1
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}
