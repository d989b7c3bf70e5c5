package cli

import (
	"context"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// exitInterrupted is the exit code of a command stopped by Ctrl-C or
// SIGTERM: 128 + SIGINT, as a shell reports a process SIGINT killed.
const exitInterrupted = 130

// interruptGrace is how long an interrupted command has to stop by
// itself (its worker killed, its temporary files removed) before the
// process exits anyway: a command that does not watch its context (a
// lesson rendering in this process) must not make Ctrl-C seem ignored;
// serve shuts down gracefully within 5s.
const interruptGrace = 6 * time.Second

var msgInterrupted = i18n.Text{En: "interrupted", Zh: "已中断"}

// main runs one command line in the real process. Ctrl-C or SIGTERM
// ends the commands' context instead of killing the process at once, so
// that the run and check commands stop their worker and remove its
// result file (they once left one in the temporary folder at every
// Ctrl-C); a second signal kills the process as before. The workers
// themselves (hidden commands, named "__...") keep the default: their
// parent ends them.
func (e *env) main(args []string) int {
	if len(args) > 0 && strings.HasPrefix(args[0], "__") {
		return e.run(args)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	defer func() {
		close(done)
		stop()
	}()
	go func() {
		select {
		case <-done:
			return
		case <-ctx.Done():
		}
		stop() // a second signal kills the process
		select {
		case <-done:
		case <-time.After(interruptGrace):
			os.Exit(exitInterrupted)
		}
	}()
	e.ctx = ctx
	return e.run(args)
}
