// Package os is the part of os a learner's program may use: Exit, Args,
// Getenv and the standard streams.
package os

import (
	"errors"

	rt "gotour.gpm/rt"
)

// Args hold the command-line arguments, starting with the program name.
var Args = []string{"prog"}

// Exit ends the program at once with the given status; deferred
// functions do not run.
func Exit(code int) { rt.Exit(code) }

// Getenv returns "" for every key: the program sees an empty environment.
func Getenv(key string) string { return "" }

// LookupEnv reports every key as unset.
func LookupEnv(key string) (string, bool) { return "", false }

// File is one of the standard streams, a compiled value of the runner's
// so that compiled code (io.MultiWriter, fmt.Fprintln) takes it as an
// io.Writer like any other.
type File = rt.File

// The standard streams write into the run's output; Stdin is empty.
var (
	Stdin  *File = rt.Stdin
	Stdout *File = rt.Stdout
	Stderr *File = rt.Stderr
)

// ErrClosed is the error of an operation on a closed file.
var ErrClosed = errors.New("file already closed")
