package cli

// The serve command: the static site of the render command, served from
// memory, plus what a static site cannot do: run a reader's edit of a
// snippet, and check an exercise. Readers' code never runs in this
// process. A run goes to the run command's worker subprocess (worker.go),
// a check to the check worker (serve_check.go), each with the runner's
// limits, a CPU time limit and a memory watchdog, so bad or hostile
// code costs a subprocess and gets the runner's clear error, never the
// server.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// defaultServeAddr is where serve listens unless told otherwise: the
// loopback interface, so that only this machine can run code through it.
const defaultServeAddr = "127.0.0.1:3999"

func newServeCmd(e *env) *cobra.Command {
	addr := defaultServeAddr
	cmd := &cobra.Command{
		Use:  "serve",
		Args: e.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return e.serve(cmd.Context(), addr) },
	}
	cmd.Flags().StringVar(&addr, "addr", addr, "")
	e.describeFlag(cmd.Flags(), "addr", i18n.Text{
		En: "listen on `HOST:PORT`; anything but a loopback address lets other machines run code here",
		Zh: "监听地址 `HOST:PORT`；非回环地址会让其他机器也能在这里运行代码",
	})
	e.describe(cmd, i18n.Text{
		En: "Serve the course site locally, with programs you can edit and run",
		Zh: "在本机提供课程网站，可以编辑并运行其中的程序",
	}, i18n.Text{
		En: `Serve the site that "gotour-gpm render" writes, from memory, at
http://127.0.0.1:3999/, and add what a static site cannot do: edit a
snippet in the page and run it on the simulated scheduler, and check an
exercise.

Programs run in a separate worker process with the run command's limits
(time, steps, output, goroutines, memory), so a program that loops,
floods or crashes gets a clear message and never stops the server.

By default only this machine can connect. --addr with another address
lets anyone who can reach it run programs here: do that only on a
network you trust.`,
		Zh: `在内存中提供 "gotour-gpm render" 生成的网站，地址为
http://127.0.0.1:3999/，并加上静态网站做不到的功能：在页面里编辑程序，
在模拟调度器上运行它，以及检查练习。

程序在单独的工作进程中运行，受 run 命令的各项限制（时间、步数、输出量、
goroutine 数、内存）约束：死循环、大量输出或崩溃的程序只会得到清楚的
提示，不会让服务器停下。

默认只有本机可以连接。用 --addr 指定其他地址后，任何能访问该地址的人
都可以在这里运行程序：只在可信的网络中这样做。`,
	})
	return cmd
}

// serve renders the site and serves it until interrupted.
func (e *env) serve(ctx context.Context, addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return errorf(i18n.Text{En: "bad --addr %q: %v", Zh: "--addr 无效 %q：%v"}, addr, err)
	}
	loopback := isLoopback(host)
	if !loopback {
		e.warnExposed(addr)
	}
	fmt.Fprintln(e.stderr, i18n.Text{
		En: "gotour-gpm: rendering the course (every program runs once)…",
		Zh: "gotour-gpm：正在生成课程网站（每个程序运行一次）……",
	}.In(e.lang))
	site, r, err := buildSite(ctx, 0)
	if err != nil {
		return errorf(i18n.Text{En: "cannot render the course: %v", Zh: "无法生成课程网站：%v"}, err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return errorf(i18n.Text{En: "cannot listen on %s: %v", Zh: "无法监听 %s：%v"}, addr, err)
	}
	srv := &http.Server{
		Handler:           newServer(e, site, r, loopback),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		// A check runs many schedules; a run on a busy machine can wait
		// queueWait for a slot and then busyGuard(serveRunTimeout).
		WriteTimeout:   3 * time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
	}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(e.stdout, i18n.Text{
		En: "serving the course at %s (%sen/index.html in English, %szh/index.html in Chinese); press Ctrl-C to stop\n",
		Zh: "课程网站已在 %s 提供（英文版 %sen/index.html，中文版 %szh/index.html）；按 Ctrl-C 停止\n",
	}.In(e.lang), url, url, url)
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return errorf(i18n.Text{En: "server stopped: %v", Zh: "服务器停止了：%v"}, err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// warnExposed says, loudly, that serving on addr lets others run code.
func (e *env) warnExposed(addr string) {
	bar := strings.Repeat("!", 72)
	fmt.Fprintf(e.stderr, "%s\n%s\n%s\n", bar, fmt.Sprintf(i18n.Text{
		En: `WARNING: serving on %s, which is not a loopback address.
Anyone who can reach this machine on that address can run programs on
it through this server (in a sandbox with limits, but on your machine).
Use the default, --addr 127.0.0.1:3999, unless you trust that network.`,
		Zh: `警告：正在 %s 上提供服务，这不是回环地址。
任何能通过该地址访问本机的人，都可以借助这个服务器在本机上运行程序
（虽然在有限制的沙箱中，但用的是你的机器）。
除非信任该网络，否则请使用默认的 --addr 127.0.0.1:3999。`,
	}.In(e.lang), addr), bar)
}

// isLoopback reports whether host names only this machine.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
