package cli

import (
	"encoding/json"
	"errors"

	"github.com/gotour-gpm/gotour-gpm/checker"
)

// The report as check --json prints it, for editors and tools: one JSON
// object, its texts in the learner's language. Its fields only grow:
// tools may rely on the ones here.

type jsonReport struct {
	Exercise  string     `json:"exercise"`
	File      string     `json:"file"`
	Pass      bool       `json:"pass"`
	Lang      string     `json:"lang"`
	Seeds     int        `json:"seeds"`     // seeds 0 to seeds-1...
	Procs     []int      `json:"procs"`     // ...each with every procs value
	Schedules int        `json:"schedules"` // planned
	Graded    int        `json:"graded"`    // graded before the first failure
	Distinct  int        `json:"distinct"`  // graded schedules that ran differently
	Cases     []jsonCase `json:"cases"`
	// Error, when set, says why the file could not be graded at all:
	// it could not be read, or the machine could not finish (then
	// ungraded is true). Cases is then empty or incomplete.
	Error    string `json:"error,omitempty"`
	Ungraded bool   `json:"ungraded,omitempty"`
}

type jsonCase struct {
	ID       string         `json:"id"` // stable and language-neutral: "compiles", "output", "no-leak"...
	Name     string         `json:"name"`
	Kind     checker.Kind   `json:"kind"`   // "source" or "run"
	Status   checker.Status `json:"status"` // "pass", "fail" or "skip"
	Message  string         `json:"message,omitempty"`
	Line     int            `json:"line,omitempty"`   // where in the file the fault is, when known
	Column   int            `json:"column,omitempty"` // (1-based)
	Got      string         `json:"got,omitempty"`
	Want     string         `json:"want,omitempty"`
	Schedule *jsonSchedule  `json:"schedule,omitempty"` // a failing run case's first failing schedule
	Timeline string         `json:"timeline,omitempty"`
}

type jsonSchedule struct {
	Seed              uint64 `json:"seed"`
	Procs             int    `json:"procs"`
	CPUs              int    `json:"cpus"`
	ScheduleDependent bool   `json:"schedule_dependent"` // it passed on other schedules
	Replay            string `json:"replay"`             // the command line that reruns it
}

// writeJSONReport prints res as one JSON object on stdout.
func (e *env) writeJSONReport(res *gradingResult) error {
	rep := res.Report
	out := jsonReport{
		Exercise:  rep.Exercise,
		File:      rep.File,
		Pass:      rep.Pass,
		Lang:      string(e.lang),
		Seeds:     rep.Seeds,
		Procs:     rep.Procs,
		Schedules: rep.Schedules,
		Graded:    rep.Graded,
		Distinct:  rep.Distinct,
		Cases:     []jsonCase{},
	}
	if out.Procs == nil {
		out.Procs = []int{}
	}
	if rep.Ungraded.En != "" {
		out.Error, out.Ungraded = rep.Ungraded.In(e.lang), true
	}
	for i := range rep.Cases {
		c := &rep.Cases[i]
		jc := jsonCase{
			ID:       c.ID,
			Name:     c.Name.In(e.lang),
			Kind:     c.Kind,
			Status:   c.Status,
			Message:  c.Message.In(e.lang),
			Line:     c.Line,
			Column:   c.Column,
			Got:      c.Got.In(e.lang),
			Want:     c.Want.In(e.lang),
			Timeline: res.Timelines[i],
		}
		if c.HasSchedule {
			jc.Schedule = &jsonSchedule{
				Seed: c.Seed, Procs: c.Procs, CPUs: c.CPUs,
				ScheduleDependent: c.ScheduleDependent,
				Replay:            c.Replay(rep.File),
			}
		}
		out.Cases = append(out.Cases, jc)
	}
	return e.encodeJSON(out)
}

// writeJSONError prints the JSON result of a file that could not be
// graded: no cases, and the reason.
func (e *env) writeJSONError(exercise, file string, err error) error {
	msg := err.Error()
	var l *localized
	if errors.As(err, &l) {
		msg = l.in(e.lang)
	}
	return e.encodeJSON(jsonReport{Exercise: exercise, File: file, Lang: string(e.lang), Procs: []int{}, Cases: []jsonCase{}, Error: msg})
}

func (e *env) encodeJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
