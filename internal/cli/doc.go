// Package cli is the gotour-gpm command line: cobra wiring, the learner's
// language, and the mapping from errors to exit codes.
//
// It is the only package that imports cobra (and pflag, which comes with
// it). Commands stay thin: each one parses its arguments, calls into the
// packages below (tour, runner, checker, sim, render) and prints the
// result. Everything a command touches from the outside world (stdin,
// stdout, stderr, environment variables) comes in through an env, so
// tests run whole command lines in-process against buffers; see
// testdata/README.
//
// The run command never interprets a learner's program in its own
// process: it re-executes its binary as a worker (worker.go), which is
// why this is the one package that uses os/exec.
//
// # Adding a command
//
// Write newXxxCmd(e *env) *cobra.Command in its own file xxx.go, give it
// bilingual help with e.describe, and append it to the commands list in
// root.go. Return [ErrNotPassed] or an [*ExitError] where those apply, and
// build messages meant for the learner with errorf so they come out in
// the learner's language; [Main] turns the error into a message and an
// exit code.
package cli
