package cli

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/internal/termview"
)

// Terminal output: colour, width and the pager, decided the way git
// decides them. Output goes to a terminal only when stdout is an
// *os.File that is one; tests write to buffers, so they always get the
// plain, unpaged, 80-column text, unless --color=always asks for colour.

// Widths of the lesson text.
const (
	defaultWidth = 80  // when stdout is not a terminal
	maxWidth     = 100 // lines longer than this are hard to read, however wide the terminal
)

// screen is what a command knows about where its output goes.
type screen struct {
	tty    bool // stdout is a terminal
	width  int  // columns to wrap to
	height int  // rows, 0 if unknown
}

// screen inspects stdout. COLUMNS, when set to a number, is the width
// whether or not stdout is a terminal, as git's term_columns takes it
// first: "COLUMNS=120 gotour-gpm lesson 3 | less" reads at 120 columns.
// Shells do not export it unless asked, so a set COLUMNS is a choice,
// and is not capped at maxWidth.
func (e *env) screen() screen {
	s := screen{width: defaultWidth}
	if f, ok := e.stdout.(*os.File); ok && term.IsTerminal(f.Fd()) {
		s.tty = true
		if w, h, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			s.width, s.height = min(w, maxWidth), h
		}
	}
	if n, err := strconv.Atoi(strings.TrimSpace(e.getenv("COLUMNS"))); err == nil && n > 0 {
		s.width = n
	}
	return s
}

// colorMode is the value of --color: auto, always or never.
type colorMode string

func (m *colorMode) String() string { return string(*m) }
func (m *colorMode) Type() string   { return "auto|always|never" }
func (m *colorMode) Set(s string) error {
	switch s {
	case "auto", "always", "never":
		*m = colorMode(s)
		return nil
	}
	return errorf(i18n.Text{
		En: "invalid --color value %q; valid values: auto, always, never",
		Zh: "--color 的取值 %q 无效；可选值：auto、always、never",
	}, s)
}

// useColor decides colour. --color=always and never win. In auto, a
// non-empty NO_COLOR (no-color.org) turns colour off, and otherwise
// CLICOLOR_FORCE (other than "0") turns it on even when piped; else
// colour is on for a terminal whose TERM is not "dumb".
func useColor(mode colorMode, tty bool, getenv func(string) string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if getenv("NO_COLOR") != "" {
		return false
	}
	if f := getenv("CLICOLOR_FORCE"); f != "" && f != "0" {
		return true
	}
	return tty && getenv("TERM") != "dumb"
}

// pagerCommand is the pager to use: $GOTOUR_GPM_PAGER, else $PAGER, else
// "less -R", as git does with GIT_PAGER and PAGER. "cat" means no pager.
func pagerCommand(getenv func(string) string) string {
	for _, name := range []string{"GOTOUR_GPM_PAGER", "PAGER"} {
		if v := strings.TrimSpace(getenv(name)); v == "cat" {
			return ""
		} else if v != "" {
			return v
		}
	}
	return "less -R"
}

// page writes text to stdout, through the pager when stdout is a
// terminal and the text is longer than the screen, like git. Without a
// terminal, with noPager, or when the pager cannot start, it writes
// directly.
func (e *env) page(text string, noPager bool) error {
	s := e.screen()
	cmdline := pagerCommand(e.getenv)
	if noPager || !s.tty || s.height <= 0 || strings.Count(text, "\n") < s.height || cmdline == "" {
		_, err := io.WriteString(e.stdout, text)
		return err
	}
	err := runPager(cmdline, e.stdout, text)
	if err != nil {
		_, err = io.WriteString(e.stdout, text)
	}
	return err
}

// runPager runs the pager command line with text on its standard input
// and out as its standard output, and waits for it. On Unix the command
// line goes through sh, so that "less -R" and the like work as in git.
// The pager gets LESS=FRX when LESS is not set, as git sets it: quit if
// one screen, keep colours, do not clear the screen.
func runPager(cmdline string, out io.Writer, text string) error {
	var cmd *exec.Cmd
	if runtime.GOOS == "windows" {
		f := strings.Fields(cmdline)
		cmd = exec.Command(f[0], f[1:]...)
	} else {
		cmd = exec.Command("sh", "-c", cmdline)
	}
	cmd.Stdin = strings.NewReader(text)
	cmd.Stdout = out
	cmd.Stderr = os.Stderr
	cmd.Env = os.Environ()
	if _, ok := os.LookupEnv("LESS"); !ok {
		cmd.Env = append(cmd.Env, "LESS=FRX")
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	// The learner quitting the pager early is not an error, but a pager
	// that sh could not find or run (exit status 127 or 126) showed
	// nothing, so the caller writes the text itself.
	var exit *exec.ExitError
	if err := cmd.Wait(); errors.As(err, &exit) && (exit.ExitCode() == 127 || exit.ExitCode() == 126) {
		return err
	}
	return nil
}

// writeTextReport prints a check report. The report quotes what the
// program printed, so it goes through termview.Escape: the program's
// escape sequences cannot clear the screen, fake a ✓ line or reach the
// terminal's title and clipboard from inside the tool's report.
func (e *env) writeTextReport(rep *checker.Report, res *gradingResult) error {
	var b strings.Builder
	if err := rep.WriteText(&b, checker.TextOptions{Lang: e.lang, Timeline: res.timeline(rep)}); err != nil {
		return err
	}
	_, err := io.WriteString(e.stdout, termview.Escape(b.String()))
	return err
}
