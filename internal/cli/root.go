package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// commands builds every subcommand. To add a command, write its
// constructor in its own file and list it here; help sorts them by name.
var commands = []func(*env) *cobra.Command{
	newRunCmd,
	newVersionCmd,
	newWorkerCmd,
	newLessonCmd,
	newListCmd,
	newRenderCmd,
	newServeCmd,
	newExerciseCmd,
	newCheckCmd,
	newGradeWorkerCmd,
	newHintCmd,
	newSolutionCmd,
}

// newRootCmd builds the gotour-gpm command tree for one run.
func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:     "gotour-gpm",
		Version: e.version,
		// A word that is not a subcommand reaches the root as an argument;
		// report it as an unknown command.
		Args:          e.unknownCommand,
		RunE:          func(cmd *cobra.Command, _ []string) error { return e.welcome(cmd) },
		SilenceErrors: true, // Main prints errors, in the learner's language
		SilenceUsage:  true, // a usage error prints a hint, not the whole usage
		// Completion scripts are not part of the course.
		CompletionOptions:          cobra.CompletionOptions{DisableDefaultCmd: true},
		SuggestionsMinimumDistance: 2,
	}
	root.SetFlagErrorFunc(e.flagError)
	root.SetVersionTemplate("gotour-gpm {{.Version}}\n")

	root.PersistentFlags().Var(langFlag{e}, "lang", "")
	e.describeFlag(root.PersistentFlags(), "lang", i18n.Text{
		En: "course language, taken from LC_ALL, LC_MESSAGES or LANG when not set",
		Zh: "课程语言；未指定时取自 LC_ALL、LC_MESSAGES 或 LANG",
	})
	// Declared here, rather than left to cobra, to drop the -v shorthand
	// and to translate the help line. Cobra still handles the flag.
	root.Flags().Bool("version", false, "")
	e.describeFlag(root.Flags(), "version", i18n.Text{
		En: "print the version",
		Zh: "打印版本号",
	})

	e.describe(root, i18n.Text{
		En: "An interactive course on Go concurrency and the G-P-M scheduler",
		Zh: "Go 并发与 GPM 调度模型的交互式课程",
	}, i18n.Text{
		En: `gotour-gpm is an interactive course on Go concurrency: goroutines,
channels and the G-P-M scheduler that runs them. You read the lessons
in the terminal, run their programs on a simulated scheduler, and have
your exercises checked.

The language follows your locale (LC_ALL, LC_MESSAGES, LANG); choose
one with --lang en or --lang zh.`,
		Zh: `gotour-gpm 是一门 Go 并发的交互式课程，内容包括 goroutine、
通道（channel）以及运行它们的 GPM 调度模型。你可以在终端里阅读课程，
在模拟的调度器上运行课程中的程序，并检查自己的练习。

界面语言跟随系统语言环境（LC_ALL、LC_MESSAGES、LANG），
也可以用 --lang en 或 --lang zh 指定。`,
	})

	for _, newCmd := range commands {
		root.AddCommand(newCmd(e))
	}
	return root
}

// welcome is what gotour-gpm prints when run without a command: the
// course list, as the list command prints it.
func (e *env) welcome(*cobra.Command) error { return e.list(false) }

// unknownCommand is the root's argument check: the root takes no
// arguments, so any word left over is a command we do not have.
func (e *env) unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	var err error
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		err = errorf(i18n.Text{
			En: "unknown command %q (did you mean %q?)",
			Zh: "未知命令 %q（你是不是想输入 %q？）",
		}, args[0], s[0])
	} else {
		err = errorf(i18n.Text{
			En: "unknown command %q",
			Zh: "未知命令 %q",
		}, args[0])
	}
	return &usageError{err: err, cmd: cmd.CommandPath()}
}

// noArgs is the argument check for commands that take no arguments.
func (e *env) noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return &usageError{
		err: errorf(i18n.Text{
			En: "%q takes no arguments, got %q",
			Zh: "%q 不接受参数，却收到了 %q",
		}, cmd.CommandPath(), args[0]),
		cmd: cmd.CommandPath(),
	}
}

// flagError turns a flag parsing error into a usage error. A bad --lang
// value carries our own bilingual message inside pflag's English wrapper;
// that message alone is reported.
func (e *env) flagError(cmd *cobra.Command, err error) error {
	var l *localized
	if errors.As(err, &l) {
		err = l
	}
	return &usageError{err: err, cmd: cmd.CommandPath()}
}
