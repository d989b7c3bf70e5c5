package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

func newRenderCmd(e *env) *cobra.Command {
	var out string
	var parallel int
	cmd := &cobra.Command{
		Use:  "render --out DIR",
		Args: e.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return &usageError{err: errorf(i18n.Text{
					En: "render needs --out DIR: the directory to write the site to",
					Zh: "render 需要 --out DIR：网站要写入的目录",
				}), cmd: cmd.CommandPath()}
			}
			return e.renderSite(cmd, out, parallel)
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "")
	e.describeFlag(cmd.Flags(), "out", i18n.Text{En: "write the site to `DIR`", Zh: "把网站写入目录 `DIR`"})
	cmd.Flags().IntVar(&parallel, "parallel", 0, "")
	e.describeFlag(cmd.Flags(), "parallel", i18n.Text{
		En: "run `N` snippets at once (default: the number of CPUs)",
		Zh: "同时运行 `N` 个程序（默认等于 CPU 数）",
	})
	e.describe(cmd, i18n.Text{
		En: "Write the course as a static web site",
		Zh: "把课程生成为静态网站",
	}, i18n.Text{
		En: `Write the whole course, in English and Chinese, as a static web site in
DIR: an index (the course map) and one page per lesson. Every runnable
program is run on the simulated scheduler, and its page shows the output,
a timeline of the schedule and a step-through of the G-P-M state.

The site needs no server and nothing from the network: open
DIR/index.html in a browser. The same course gives the same bytes, so the
site can be committed and diffed. "gotour-gpm serve" serves the same site
and lets you edit and run the programs.`,
		Zh: `把整门课程（中文和英文）生成为静态网站，写入 DIR：一个索引页（课程地图），
每课一页。每个可运行的程序都在模拟调度器上运行，页面上展示它的输出、
调度时间线，以及可逐步查看的 GPM 状态。

网站不需要服务器，也不需要联网：用浏览器打开 DIR/index.html 即可。
相同的课程内容生成完全相同的文件，因此可以提交到仓库并比较差异。
"gotour-gpm serve" 提供同样的网站，并且可以编辑和运行其中的程序。`,
	})
	return cmd
}

// renderSite renders the course and writes it under dir.
func (e *env) renderSite(cmd *cobra.Command, dir string, parallel int) error {
	site, _, err := buildSite(cmd.Context(), parallel)
	if err != nil {
		return errorf(i18n.Text{En: "cannot render the course: %v", Zh: "无法生成课程网站：%v"}, err)
	}
	for _, name := range site.Names() {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return errorf(i18n.Text{En: "cannot write the site: %v", Zh: "无法写入网站：%v"}, err)
		}
		f, err := e.createFile(path)
		if err == nil {
			_, err = f.Write(site.Files[name])
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return errorf(i18n.Text{En: "cannot write the site: %v", Zh: "无法写入网站：%v"}, err)
		}
	}
	fmt.Fprintf(e.stdout, i18n.Text{
		En: "wrote %d files to %s; open %s in a browser\n",
		Zh: "已将 %d 个文件写入 %s；请用浏览器打开 %s\n",
	}.In(e.lang), len(site.Files), dir, filepath.Join(dir, "index.html"))
	return nil
}
