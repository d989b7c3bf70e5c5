//go:build race

package cli

// raceBuild is set in a binary built with -race, whose race detector
// reserves terabytes of address space for its shadow memory.
const raceBuild = true
