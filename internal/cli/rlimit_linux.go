package cli

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// limitAddressSpace caps the worker's address space (setrlimit(2),
// RLIMIT_AS) near its memory limit, so that an allocation far beyond it
// fails at once, in the kernel, with the runtime's "out of memory",
// instead of being made and then seen by the watchdog. The Go runtime
// and the C library reserve address space they do not use (the page
// allocator's summaries, thread stacks and malloc arenas: 1.7 GB of
// VmSize for 80 MB resident, measured on linux/amd64 with 6 threads),
// so the cap is what is reserved already, plus the limit, plus as much
// again (at least 512 MiB) for the heap's growth between collections and
// more threads.
//
// A binary built with -race gets no cap: the race detector's runtime
// maps its shadow memory as it goes and dies ("too many address space
// collisions") when it cannot.
func limitAddressSpace(limit int64) {
	base := vmSize()
	if base == 0 || raceBuild {
		return
	}
	capBytes := base + limit + max(limit, 512<<20)
	var rl syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &rl) != nil || rl.Cur < uint64(capBytes) {
		return
	}
	rl.Cur = uint64(capBytes)
	syscall.Setrlimit(syscall.RLIMIT_AS, &rl)
}

// vmSize is the process's address space in bytes (VmSize in
// /proc/self/status), or 0 if it cannot be read.
func vmSize() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmSize:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
