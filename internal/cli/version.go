package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// version is the release version, set at link time:
//
//	go build -ldflags "-X github.com/gotour-gpm/gotour-gpm/internal/cli.version=v0.1.0" ./cmd/gotour-gpm
//
// When it is empty, buildVersion falls back to what the toolchain
// recorded in the binary.
var version string

// buildVersion returns the version to print: the link-time version, else
// the main module's version (set by "go install module@version"), else
// "devel".
func buildVersion() string {
	bi, _ := debug.ReadBuildInfo()
	return resolveVersion(version, bi)
}

// resolveVersion implements buildVersion; bi may be nil.
func resolveVersion(linked string, bi *debug.BuildInfo) string {
	if linked != "" {
		return linked
	}
	// "go build" in a checkout without VCS stamping records "(devel)".
	if bi != nil && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

func newVersionCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:  "version",
		Args: e.noArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(e.stdout, "gotour-gpm %s\n", e.version)
			return err
		},
	}
	e.describe(cmd, i18n.Text{
		En: "Print the version",
		Zh: "打印版本号",
	}, i18n.Text{
		En: "Print the version of gotour-gpm, as --version does.",
		Zh: "打印 gotour-gpm 的版本号，与 --version 相同。",
	})
	return cmd
}
