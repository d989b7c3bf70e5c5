// Package os (imported by the runner as osval) holds the standard streams
// a learner's program sees as os.Stdin, os.Stdout and os.Stderr. They are
// compiled values, not interpreted ones: yaegi v0.16.1 hands an
// interpreted value to a compiled function taking an io.Writer only as a
// direct argument, so io.MultiWriter(os.Stdout, &b), whose writers are
// variadic, failed. Its package name is os so that %T prints *os.File.
package os

import "io"

// File is one of the standard streams.
type File struct {
	name string
	w    io.Writer // nil for stdin
}

// New returns the stream called name (/dev/stdout...) writing to w, or
// reading nothing when w is nil.
func New(name string, w io.Writer) *File { return &File{name: name, w: w} }

// Write writes to the run's stream; standard input cannot be written.
func (f *File) Write(b []byte) (int, error) {
	if f.w == nil {
		return 0, errBadFD(f.name)
	}
	return f.w.Write(b)
}

// WriteString is Write of a string.
func (f *File) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

// Read reads nothing: the program's standard input is empty.
func (f *File) Read(b []byte) (int, error) {
	if f.w != nil {
		return 0, errBadFD(f.name)
	}
	return 0, io.EOF
}

// Close does nothing: the streams stay open.
func (f *File) Close() error { return nil }

// Name is the stream's name, as os names them.
func (f *File) Name() string { return f.name }

// Fd returns the stream's file descriptor.
func (f *File) Fd() uintptr {
	switch f.name {
	case "/dev/stdout":
		return 1
	case "/dev/stderr":
		return 2
	}
	return 0
}

// errBadFD is the error of a write to stdin or a read of stdout, with the
// words of os.(*File) ("bad file descriptor").
type errBadFD string

func (e errBadFD) Error() string {
	op := "read "
	if e == "/dev/stdin" {
		op = "write "
	}
	return op + string(e) + ": bad file descriptor"
}
