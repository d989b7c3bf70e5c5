package cli

import (
	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

func newListCmd(e *env) *cobra.Command {
	var noPager bool
	cmd := &cobra.Command{
		Use:  "list",
		Args: e.noArgs,
		RunE: func(*cobra.Command, []string) error { return e.list(noPager) },
	}
	cmd.Flags().BoolVar(&noPager, "no-pager", false, "")
	e.describeFlag(cmd.Flags(), "no-pager", i18n.Text{
		En: "do not page the output, even on a terminal",
		Zh: "即使输出到终端也不使用分页器",
	})
	e.describe(cmd, i18n.Text{
		En: "List the lessons, with your progress",
		Zh: "列出所有课程及你的学习进度",
	}, i18n.Text{
		En: `List the course lesson by lesson: its number, title and summary, and its
exercises. A ✓ marks the lessons you have read and the exercises you have
passed. Running gotour-gpm without a command does the same.

Progress is kept in gotour-gpm/progress.json in your configuration
directory, or in $GOTOUR_GPM_CONFIG_DIR if it is set.`,
		Zh: `逐课列出整门课程：编号、标题、简介和练习。✓ 标出你读过的课程和
通过的练习。不带命令运行 gotour-gpm 也会列出它们。

学习进度保存在配置目录下的 gotour-gpm/progress.json 中；
如果设置了 $GOTOUR_GPM_CONFIG_DIR，则保存在该目录中。`,
	})
	return cmd
}
