// Package runtime (imported by the runner as rtval) holds the runtime's
// values that a learner's program can see through recover and print with
// %T. Its package name is runtime so that reflect, and with it fmt's %T,
// names them as gc does: *runtime.PanicNilError.
package runtime

// PanicNilError is what panic(nil) panics with since Go 1.21
// (runtime/panic.go).
type PanicNilError struct {
	// The runtime's has an unexported field too: the type is not
	// comparable with ==, only its pointers are used.
	_ [0]*PanicNilError
}

func (*PanicNilError) Error() string { return "panic called with nil argument" }

// RuntimeError marks it as a runtime.Error.
func (*PanicNilError) RuntimeError() {}
