package cli

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"sync"
)

// The worker's stdout carries both of the program's output streams, as
// frames, so that its stderr is left for the worker's own diagnostics: a
// crash of the Go runtime (out of memory, a host stack overflow) always
// prints a stack trace there, whatever GOTRACEBACK says, and the learner
// must not see it as the program's output. One pipe also keeps the order
// of the program's writes across the two streams.
//
// A frame is one byte naming the stream (streamStdout or streamStderr), a
// 4-byte big-endian length, and that many bytes of output.
const (
	streamStdout = 1
	streamStderr = 2
	frameHeader  = 5
	// maxFrame bounds one frame's data; a longer write is split.
	maxFrame = 64 << 10
)

// frameWriter writes what the program writes to one stream as frames on
// w. The two streams' frameWriters share mu, so frames never interleave.
type frameWriter struct {
	mu     *sync.Mutex
	w      io.Writer
	stream byte
}

func (f frameWriter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for len(p) > 0 {
		chunk := p[:min(len(p), maxFrame)]
		buf := make([]byte, frameHeader+len(chunk))
		buf[0] = f.stream
		binary.BigEndian.PutUint32(buf[1:frameHeader], uint32(len(chunk)))
		copy(buf[frameHeader:], chunk)
		if _, err := f.w.Write(buf); err != nil {
			return n, err
		}
		n += len(chunk)
		p = p[len(chunk):]
	}
	return n, nil
}

// demux is the parent's end: an io.Writer that reads frames from the
// worker's stdout, however the pipe splits them, and writes each frame's
// data, as it arrives, to stdout or stderr.
type demux struct {
	stdout, stderr io.Writer

	hdr  []byte    // a header read in part
	dst  io.Writer // where the current frame's data goes
	left int       // bytes of the current frame still to come
}

func (d *demux) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if d.left == 0 {
			take := min(frameHeader-len(d.hdr), len(p))
			d.hdr, p = append(d.hdr, p[:take]...), p[take:]
			if len(d.hdr) < frameHeader {
				break
			}
			switch d.hdr[0] {
			case streamStdout:
				d.dst = d.stdout
			case streamStderr:
				d.dst = d.stderr
			default:
				return 0, fmt.Errorf("bad frame from the worker: stream %d", d.hdr[0])
			}
			d.left = int(binary.BigEndian.Uint32(d.hdr[1:]))
			d.hdr = d.hdr[:0]
			continue
		}
		take := min(d.left, len(p))
		if _, err := d.dst.Write(p[:take]); err != nil {
			return 0, err
		}
		d.left -= take
		p = p[take:]
	}
	return n, nil
}

// crashLog keeps the first maxCrashLog bytes the worker writes to its
// stderr, to explain a crash.
type crashLog struct{ buf bytes.Buffer }

const maxCrashLog = 64 << 10

func (c *crashLog) Write(p []byte) (int, error) {
	c.buf.Write(p[:min(len(p), max(0, maxCrashLog-c.buf.Len()))])
	return len(p), nil
}

// reason is the line of the log that says why the worker died: the Go
// runtime's "fatal error: ..." or "panic: ...", else the first line.
func (c *crashLog) reason() string {
	lines := strings.Split(c.buf.String(), "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "fatal error: ") || strings.HasPrefix(l, "panic: ") {
			return l
		}
	}
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" && strings.Trim(l, "=") != "" {
			return l
		}
	}
	return ""
}
