package cli

import (
	"strconv"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// maxProcs bounds --procs, --cpus and the GOMAXPROCS variable. The real
// runtime takes any positive int32, but every simulated P has a 256-entry
// run queue and a row in the timeline; 1024 was the runtime's own
// _MaxGomaxprocs until Go 1.10 and is far beyond what a lesson needs.
const maxProcs = 1024

// envProcs reads the GOMAXPROCS environment variable as schedinit does
// (proc.go:922): a base-10 int32 greater than zero sets GOMAXPROCS, and
// anything else, the empty string included, is ignored (0).
func envProcs(v string) int {
	n, err := strconv.ParseInt(v, 10, 32)
	if err != nil || n <= 0 {
		return 0
	}
	return int(n)
}

// sizeFlag is a flag holding a number of bytes, written as a plain number
// or with a unit: KB, MB, GB are powers of 1000 and KiB, MiB, GiB powers of
// 1024, as in "1MB" or "1GiB". Units are case-insensitive; "B" is bytes.
type sizeFlag struct {
	name string // the flag's name, for messages
	n    *int64
}

// sizeUnits lists the units sizeFlag reads, largest first: formatSize
// then picks the largest that divides exactly, and Set tries "B" last,
// so that "KiB" is not read as "B".
var sizeUnits = []struct {
	name string
	n    int64
}{
	{"GiB", 1 << 30}, {"GB", 1e9}, {"MiB", 1 << 20}, {"MB", 1e6},
	{"KiB", 1 << 10}, {"KB", 1e3}, {"B", 1},
}

func (f sizeFlag) String() string { return formatSize(*f.n) }

// formatSize writes n bytes in the largest unit that divides it exactly.
func formatSize(n int64) string {
	for _, u := range sizeUnits {
		if n != 0 && n%u.n == 0 {
			return strconv.FormatInt(n/u.n, 10) + u.name
		}
	}
	return strconv.FormatInt(n, 10)
}

// Type names the values in help: "--max-output size".
func (f sizeFlag) Type() string { return "size" }

func (f sizeFlag) Set(s string) error {
	num, mult := s, int64(1)
	for _, u := range sizeUnits {
		if len(s) > len(u.name) && strings.EqualFold(s[len(s)-len(u.name):], u.name) {
			num, mult = s[:len(s)-len(u.name)], u.n
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return errorf(i18n.Text{
			En: "invalid --%s value %q; want a positive size such as 1000, 64KB, 1MB or 1GiB",
			Zh: "--%s 的取值 %q 无效；应为正的大小，例如 1000、64KB、1MB 或 1GiB",
		}, f.name, s)
	}
	*f.n = n * mult
	return nil
}

// formatFlag is --format: how --trace writes the trace.
type formatFlag struct{ v *string }

// traceFormats are the values of --format, the default first.
var traceFormats = []string{"text", "json"}

func (f formatFlag) String() string { return *f.v }

// Type names the values in help: "--format text|json".
func (f formatFlag) Type() string { return strings.Join(traceFormats, "|") }

func (f formatFlag) Set(s string) error {
	for _, v := range traceFormats {
		if s == v {
			*f.v = s
			return nil
		}
	}
	return errorf(i18n.Text{
		En: "invalid --format value %q; valid values: %s",
		Zh: "--format 的取值 %q 无效；可选值：%s",
	}, s, strings.Join(traceFormats, ", "))
}
