//go:build !race

package checker_test

// raceEnabled: see race_test.go.
const raceEnabled = false
