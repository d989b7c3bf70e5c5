package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// env is everything a command may use from outside the process. Main fills
// it from the real process; tests fill it with buffers and a fixed
// environment, so no command reads os.Stdout, os.Getenv or the clock
// directly.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer

	// getenv reads an environment variable, like os.Getenv.
	getenv func(string) string

	// readFile reads a learner's file, like os.ReadFile but refusing
	// what is not a program (readSourceFile); createFile
	// creates an output file, like os.Create.
	readFile   func(name string) ([]byte, error)
	createFile func(name string) (io.WriteCloser, error)

	// executable is the binary the run command re-executes as its worker
	// process (see worker.go): os.Executable, which in tests is the test
	// binary, whose TestMain dispatches to the worker.
	executable func() (string, error)
	// workerEnv is added to the worker's otherwise empty environment;
	// tests use it to make the test binary act as the worker.
	workerEnv []string
	// workerGrace overrides spawnGrace when not zero, for tests.
	workerGrace time.Duration
	// workerGuard overrides the wall-clock guard (busyGuard) at which
	// the parent kills a run's worker, when not zero, for tests.
	workerGuard time.Duration
	// inProcess makes the run command run programs in this process
	// instead of a worker: tests of its output use it to save the
	// worker's start-up. It is not a flag: only the worker isolates the
	// tool from a runaway program.
	inProcess bool

	// version is what --version and the version command print.
	version string

	// lang is the learner's language. run sets it from the locale before
	// building the commands; a valid --lang replaces it while flags are
	// parsed (see langFlag), before any help text or message is printed.
	lang i18n.Lang

	// localizers re-apply translated help text when lang changes; see
	// describe.
	localizers []func(i18n.Lang)
}

// Main runs the gotour-gpm command line with args (the arguments after
// the program name) and returns the exit code for os.Exit. Errors are
// printed to stderr as "gotour-gpm: message", in the learner's language
// when the message is ours.
//
// Exit codes (exitCode is the one place that maps errors to them):
//
//	0    success
//	1    error: the tool itself could not do its job; also a learner
//	     program that does not compile, as with go run, and a check
//	     that this machine could not finish (a run hit the wall clock
//	     before any virtual limit: no verdict)
//	2    usage: unknown command, bad flag or arguments, bad --lang value
//	3    the exercise did not pass ([ErrNotPassed]); the report is on stdout
//	4-9  reserved for later tool outcomes
//	N    the learner program's own exit status, passed through unchanged
//	     by [ExitError]: 0, 2 after a panic or fatal error, N after
//	     os.Exit(N); it can coincide with any code in this table
//
// When the sandbox stops a learner program, or fails to run it, the run
// command exits with the runner's code (runner.Outcome.ExitCode), after
// saying why on stderr:
//
//	70   internal error: the interpreter or the worker process failed
//	80   time limit (--timeout: CPU time; or the machine too busy)
//	81   virtual time limit (--max-virtual)
//	82   scheduling steps limit (--max-steps)
//	83   output limit (--max-output)
//	84   goroutines limit (--max-goroutines)
//	85   memory limit (--max-memory)
//
// Interrupted (Ctrl-C, SIGTERM) while a worker runs, a command stops the
// worker, removes its temporary file and exits 130, saying so; see
// interrupt.go.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return mainEnv(stdin, stdout, stderr).run(args)
}

// mainEnv is the env of the real process.
func mainEnv(stdin io.Reader, stdout, stderr io.Writer) *env {
	return &env{
		stdin:   stdin,
		stdout:  stdout,
		stderr:  stderr,
		getenv:  os.Getenv,
		version: buildVersion(),

		readFile:   readSourceFile,
		createFile: func(name string) (io.WriteCloser, error) { return os.Create(name) },
		executable: os.Executable,
	}
}

// run executes one command line and returns its exit code.
func (e *env) run(args []string) int {
	e.lang = i18n.Detect("", e.getenv)
	root := newRootCmd(e)
	// A nil slice would make cobra read os.Args, so always pass a non-nil one.
	root.SetArgs(append([]string{}, args...))
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	return e.exitCode(root.Execute())
}

// exitCode prints err, unless it asks for silence, and maps it to the
// exit code documented on [Main].
func (e *env) exitCode(err error) int {
	var exit *ExitError
	var usage *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		// The learner program has already spoken for itself.
		return exit.Code
	case errors.As(err, &usage):
		e.printError(err)
		fmt.Fprintf(e.stderr, msgUsageHint.In(e.lang)+"\n", usage.cmd)
		return 2
	case errors.Is(err, errInterrupted):
		fmt.Fprintln(e.stderr, "gotour-gpm: "+msgInterrupted.In(e.lang))
		return exitInterrupted
	case errors.Is(err, ErrNotPassed):
		e.printError(err)
		return 3
	default:
		e.printError(err)
		return 1
	}
}

// printError writes err to stderr as "gotour-gpm: message". If err is one
// of our bilingual messages, wrapped without any added text, it is printed
// in the learner's language; anything else (cobra's and pflag's messages,
// errors from other packages) is printed as is, in English.
func (e *env) printError(err error) {
	msg := err.Error()
	var l *localized
	if errors.As(err, &l) && l.Error() == msg {
		msg = l.in(e.lang)
	}
	fmt.Fprintf(e.stderr, "gotour-gpm: %s\n", msg)
}

// msgUsageHint follows every usage error; %s is the command path.
var msgUsageHint = i18n.Text{
	En: `Run "%s --help" for usage.`,
	Zh: `运行 "%s --help" 查看用法。`,
}
