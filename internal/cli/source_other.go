//go:build !unix

package cli

// openFlags: without FIFOs that block on open, nothing to add.
const openFlags = 0
