package cli

// Checking an exercise from the page: serve hands the program to the
// check command's grade worker (grade.go), the same subprocess "gotour-gpm
// check" uses, so grading, many runs of untrusted code, never happens in
// the server.

import (
	"bytes"
	"context"
	"fmt"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/internal/termview"
)

// gradeCheck grades req's program in a grade worker and writes the report
// as the check command prints it, in req's language.
func (s *server) gradeCheck(ctx context.Context, req *serveCheckRequest) (*serveCheckResult, error) {
	if _, err := checker.Lookup(req.Exercise); err != nil {
		return &serveCheckResult{Error: err.Error()}, nil
	}
	ctx, cancel := context.WithTimeout(ctx, s.checkTimeout)
	defer cancel()
	lang := i18n.Lang(req.Lang)
	res, err := s.e.grade(ctx, &gradingRequest{Exercise: req.Exercise, Filename: "prog.go", Source: req.Code, Lang: lang}, nil)
	if err != nil {
		if ctx.Err() != nil {
			return &serveCheckResult{Error: fmt.Sprintf(msgCheckTooLong.In(lang), s.checkTimeout)}, nil
		}
		return nil, err
	}
	var b bytes.Buffer
	res.Report.WriteText(&b, checker.TextOptions{Lang: lang, Timeline: res.timeline(res.Report)})
	// Control characters the program printed are quoted, as check does.
	return &serveCheckResult{Passed: res.Report.Pass, Report: termview.Escape(b.String())}, nil
}

// msgCheckTooLong is a whole check that ran out of time: the checker's
// runs have their own limits, so either a program that never ends slipped
// past them or the machine is too busy to grade in time.
var msgCheckTooLong = i18n.Text{
	En: "checking took longer than %s: the program may not end, or the machine is too busy; try again in a moment",
	Zh: "评分用时超过了 %s：可能是程序不会结束，也可能是机器太忙；请稍后再试",
}
