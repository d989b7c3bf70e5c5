package cli

import (
	"errors"
	"os"
	"syscall"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// exitInterrupted is the exit code of a command stopped by Ctrl-C or
// SIGTERM while its worker ran: 128 + SIGINT, as a shell reports a
// process that SIGINT killed.
const exitInterrupted = 130

// errInterrupted is what callWorker returns when Ctrl-C or SIGTERM came
// while its worker ran: the worker is stopped and its result file
// removed. Main prints msgInterrupted and exits exitInterrupted.
var errInterrupted = errors.New("interrupted")

var msgInterrupted = i18n.Text{En: "interrupted", Zh: "已中断"}

// interruptedBy reports whether the process whose state is st died of
// SIGINT or SIGTERM.
func interruptedBy(st *os.ProcessState) bool {
	if st == nil {
		return false
	}
	ws, ok := st.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && (ws.Signal() == syscall.SIGINT || ws.Signal() == syscall.SIGTERM)
}
