package cli

import (
	"fmt"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// ErrNotPassed is returned, possibly wrapped, by a command whose exercise
// did not pass, after it has printed the report. [Main] then exits with
// code 3.
var ErrNotPassed error = &localized{text: i18n.Text{
	En: "exercise did not pass",
	Zh: "练习未通过",
}}

// ExitError asks [Main] to exit with Code and print nothing more. The run
// command returns it to pass a learner program's own exit status through,
// after the program's output has been shown.
type ExitError struct {
	Code int // the exit code, returned by Main unchanged
}

// Error implements error. Only *ExitError is an error, so errors.As
// always finds it with a *ExitError target.
func (e *ExitError) Error() string {
	return fmt.Sprintf("exit status %d", e.Code)
}

// usageError marks a mistake on the command line: an unknown command or
// flag, a bad flag value, the wrong number of arguments. Main prints it
// followed by a hint to run --help, and exits with code 2.
type usageError struct {
	err error
	cmd string // command path for the hint, such as "gotour-gpm version"
}

func (u *usageError) Error() string { return u.err.Error() }
func (u *usageError) Unwrap() error { return u.err }

// localized is an error whose message we wrote in both languages. Its
// Error method returns English, so logs and tests read the same
// everywhere; Main prints it in the learner's language.
type localized struct {
	text i18n.Text
	args []any
}

// errorf returns an error whose message is text formatted with args, in
// whichever language it is printed in.
func errorf(text i18n.Text, args ...any) error {
	return &localized{text: text, args: args}
}

func (l *localized) Error() string { return l.in(i18n.En) }

// in formats the message in language lang.
func (l *localized) in(lang i18n.Lang) string {
	return fmt.Sprintf(l.text.In(lang), l.args...)
}
