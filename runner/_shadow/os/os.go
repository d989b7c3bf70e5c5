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

// File is one of the standard streams.
type File struct{ fd int }

var (
	Stdin  = &File{0}
	Stdout = &File{1}
	Stderr = &File{2}
)

// ErrClosed is returned by reads: there is no input.
var ErrClosed = errors.New("file already closed")

func (f *File) Write(b []byte) (int, error)       { return rt.Write(f.fd, b) }
func (f *File) WriteString(s string) (int, error) { return rt.Write(f.fd, []byte(s)) }
func (f *File) Read(b []byte) (int, error)        { return 0, errEOF }
func (f *File) Close() error                      { return nil }
func (f *File) Name() string                      { return [...]string{"/dev/stdin", "/dev/stdout", "/dev/stderr"}[f.fd] }

var errEOF = errors.New("EOF")
