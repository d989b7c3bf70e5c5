//go:build unix

package cli

import "syscall"

// openFlags makes opening a FIFO return at once (open(2), O_NONBLOCK),
// instead of waiting for a writer; for a regular file it changes nothing.
const openFlags = syscall.O_NONBLOCK
