package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"unicode/utf8"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// maxSource bounds a learner's program as run and check read it: 1 MiB
// is sixteen times what serve accepts, and far beyond any exercise. A
// longer file is refused before the interpreter sees it, so that
// /dev/zero or a log file named by mistake costs nothing.
const maxSource = 1 << 20

// errNotRegular is the reason readSourceFile refuses a directory, a
// FIFO, a device or a socket: reading one can block forever (a FIFO
// without a writer) or never end (/dev/zero).
var errNotRegular = errors.New("not a regular file")

// errTooLarge is the reason readSourceFile refuses a file longer than
// maxSource.
var errTooLarge = errors.New("file too large")

// readSourceFile is the env's readFile in the real tool: it reads a
// regular file, following symbolic links, of at most maxSource bytes.
// The file is opened without blocking (openNoBlock), so a FIFO is seen
// for what it is instead of waiting for a writer, and its type is checked
// on the open file, so it cannot change between the check and the read.
func readSourceFile(name string) ([]byte, error) {
	return readRegular(name, maxSource)
}

// readRegular reads the regular file name, refusing anything else and
// anything longer than limit bytes.
func readRegular(name string, limit int64) ([]byte, error) {
	f, err := openNoBlock(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errNotRegular}
	}
	if st.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errTooLarge}
	}
	// The size can change while we read: read one byte past the limit
	// to tell.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errTooLarge}
	}
	return data, nil
}

// readSource reads a learner's program for run and check, and explains
// in the learner's language why it cannot: no such file, a directory or
// another file that is not a program, a file too large, a file that is not
// UTF-8 (which Go source must be; the message is gc's). notExist is the
// message for a missing file; %s in it is the file name.
func (e *env) readSource(file string, notExist error) ([]byte, error) {
	src, err := e.readFile(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, notExist
	case errors.Is(err, errNotRegular):
		return nil, errorf(msgNotRegular, file)
	case errors.Is(err, errTooLarge):
		return nil, errorf(msgTooLarge, file, maxSource>>20)
	case errors.Is(err, fs.ErrPermission):
		return nil, errorf(msgPermission, file)
	case errors.Is(err, syscall.ELOOP):
		return nil, errorf(msgLoop, file)
	case err != nil:
		return nil, errorf(msgCannotRead, file, plainError(err))
	case len(src) > maxSource:
		return nil, errorf(msgTooLarge, file, maxSource>>20)
	}
	if line, col, ok := invalidUTF8(src); ok {
		return nil, &compileRefusal{msg: fmt.Sprintf("%s:%d:%d: invalid UTF-8 encoding", file, line, col)}
	}
	return src, nil
}

// compileRefusal is a program refused before it runs, for a reason gc
// gives as a compile error: the run command prints it as one and exits 1,
// as go run does.
type compileRefusal struct{ msg string }

func (c *compileRefusal) Error() string { return c.msg }

// invalidUTF8 finds the first byte of src that is not valid UTF-8, as
// line and column (in bytes, from 1), as gc reports it.
func invalidUTF8(src []byte) (line, col int, ok bool) {
	if utf8.Valid(src) {
		return 0, 0, false
	}
	line, start := 1, 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, i - start + 1, true
		}
		if r == '\n' {
			line, start = line+1, i+1
		}
		i += size
	}
	return 0, 0, false
}

// plainError is err's reason without the Go operation in front of it
// ("open x.go: permission denied" becomes "permission denied"): the
// messages around it already name the file.
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var (
	msgNotRegular = i18n.Text{
		En: "cannot read %s: not a regular file (a directory, a device or a pipe); name a .go file",
		Zh: "无法读取 %s：它不是普通文件（而是目录、设备或管道）；请指定一个 .go 文件",
	}
	msgTooLarge = i18n.Text{
		En: "cannot read %s: the file is larger than %d MiB, too large for a program here",
		Zh: "无法读取 %s：文件超过 %d MiB，作为这里的程序太大了",
	}
	msgPermission = i18n.Text{
		En: "cannot read %s: permission denied",
		Zh: "无法读取 %s：没有读取权限",
	}
	msgLoop = i18n.Text{
		En: "cannot read %s: its symbolic links form a loop",
		Zh: "无法读取 %s：它的符号链接构成了循环",
	}
	msgCannotRead = i18n.Text{
		En: "cannot read %s: %v",
		Zh: "无法读取 %s：%v",
	}
)

// openNoBlock opens name for reading without waiting: see openFlags.
func openNoBlock(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|openFlags, 0)
}
