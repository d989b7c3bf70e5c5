//go:build unix

package progress

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// openFlags makes opening a FIFO return at once (open(2), O_NONBLOCK)
// instead of waiting for a writer.
const openFlags = syscall.O_NONBLOCK

// lockWait bounds how long a command waits for another one's change to
// the progress: a change takes milliseconds, so a lock held this long
// belongs to a process that is stuck.
const lockWait = 10 * time.Second

// ErrLocked is a lock still held after lockWait.
var ErrLocked = errors.New("another gotour-gpm is still changing the progress file")

// lock takes an exclusive flock(2) on the file name, creating it, and
// returns the function that releases it. The kernel releases the lock of
// a process that dies, so a killed command never leaves the store
// locked.
func lock(name string) (unlock func(), err error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|openFlags, 0o644)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(lockWait)
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() { f.Close() }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) || time.Now().After(deadline) {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				err = ErrLocked
			}
			return nil, err
		}
		time.Sleep(5 * time.Millisecond)
	}
}
