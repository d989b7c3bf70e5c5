// Package golden holds the one -update flag of the module's tests, so that
// `go test ./... -update` works in every package: a flag that a test binary
// does not define fails the whole run with "flag provided but not defined",
// and ./... builds a test binary for every package.
//
// A package whose tests compare with golden files reads [Update] and, when
// it is set, writes what it got instead of comparing. A package without
// golden files imports this one for the flag alone.
package golden

import "flag"

// Update is set by `go test -update`: rewrite golden files instead of
// comparing with them. Goldens that record the real toolchain's output
// (runner's fidelity and frontend programs) are then recorded again by
// running the real toolchain.
var Update = flag.Bool("update", false, "rewrite golden files")
