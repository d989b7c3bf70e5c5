package cli

// The lesson command's cache of snippet runs. Every program of a lesson
// runs on the simulator each time the lesson is shown; the runs are
// deterministic, so a later view of the same lesson by the same build of
// gotour-gpm reads back what was drawn under each program instead
// (termview.Cache). Each build has a directory of its own, so a new build
// never reads an old build's drawings; a file that cannot be read back
// whole, or that holds another key's drawing, is a miss, and the view
// that follows replaces it.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	"github.com/gotour-gpm/gotour-gpm/internal/termview"
)

// cacheDirEnv names the directory of the run cache, instead of
// gotour-gpm under the user's cache directory.
const cacheDirEnv = "GOTOUR_GPM_CACHE_DIR"

// maxCached bounds a cached drawing read back; one is a few KiB.
const maxCached = 1 << 20

// fileCache is a termview.Cache in a directory, a file per drawing: its
// key, the SHA-256 of the drawing and the drawing, the first two on a
// line each.
type fileCache struct{ dir string }

// runCache returns the lesson command's cache, or nil when there is no
// cache directory or the running binary cannot be told apart from other
// builds.
func (e *env) runCache() termview.Cache {
	dir := e.getenv(cacheDirEnv)
	if dir == "" {
		base, err := userCacheDir(e.getenv, runtime.GOOS)
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "gotour-gpm")
	}
	build, err := e.buildID()
	if err != nil {
		return nil
	}
	return &fileCache{dir: filepath.Join(dir, "runs", build)}
}

// buildID names the running build: a hash of the executable's path,
// size and modification time and of the build information Go records in
// it. A rebuilt binary has a new modification time; go run keeps an
// unchanged build's binary in the build cache, with its time.
func (e *env) buildID() (string, error) {
	if e.executable == nil {
		return "", errors.New("no executable")
	}
	exe, err := e.executable()
	if err != nil {
		return "", err
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00", exe, fi.Size(), fi.ModTime().UnixNano())
	if info, ok := debug.ReadBuildInfo(); ok {
		io.WriteString(h, info.String())
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

func (c *fileCache) path(key string) string { return filepath.Join(c.dir, key) }

// Get reads the drawing stored under key.
func (c *fileCache) Get(key string) ([]byte, bool) {
	f, err := os.Open(c.path(key))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCached+1))
	if err != nil || len(data) > maxCached {
		return nil, false
	}
	k, rest, _ := bytes.Cut(data, []byte("\n"))
	sum, body, ok := bytes.Cut(rest, []byte("\n"))
	if !ok || string(k) != key || string(sum) != checksum(body) {
		return nil, false
	}
	return body, true
}

// Put stores data under key, through a temporary file renamed into
// place, so that a reader never sees half a file.
func (c *fileCache) Put(key string, data []byte) {
	if os.MkdirAll(c.dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, key+".*.tmp")
	if err != nil {
		return
	}
	_, werr := fmt.Fprintf(tmp, "%s\n%s\n%s", key, checksum(data), data)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), c.path(key)) != nil {
		os.Remove(tmp.Name())
	}
}

func checksum(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// userCacheDir is os.UserCacheDir reading the environment through
// getenv, so that commands see only the env they were given.
func userCacheDir(getenv func(string) string, goos string) (string, error) {
	var dir string
	switch goos {
	case "windows":
		dir = getenv("LocalAppData")
	case "darwin", "ios":
		if dir = getenv("HOME"); dir != "" {
			dir = filepath.Join(dir, "Library", "Caches")
		}
	case "plan9":
		if dir = getenv("home"); dir != "" {
			dir = filepath.Join(dir, "lib", "cache")
		}
	default:
		dir = getenv("XDG_CACHE_HOME")
		if dir != "" && !filepath.IsAbs(dir) {
			dir = ""
		}
		if h := getenv("HOME"); dir == "" && h != "" {
			dir = filepath.Join(h, ".cache")
		}
	}
	if dir == "" {
		return "", errors.New("no cache directory")
	}
	return dir, nil
}
