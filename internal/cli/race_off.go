//go:build !race

package cli

// raceBuild is set in a binary built with -race; see race_on.go.
const raceBuild = false
