package stdsym

// The module's -update flag, defined in every test binary so that
// `go test ./... -update` runs; this package has no golden files to rewrite.
import _ "github.com/gotour-gpm/gotour-gpm/internal/golden"
