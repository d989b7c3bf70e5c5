//go:build !linux

package cli

// limitAddressSpace does nothing where RLIMIT_AS is missing or counts
// differently (macOS does not enforce it); the memory watchdog alone
// stops a program there.
func limitAddressSpace(int64) {}
