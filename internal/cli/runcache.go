package cli

// The lesson command's cache of snippet runs. Every program of a lesson
// runs on the simulator each time the lesson is shown; the runs are
// deterministic, so a later view of the same lesson by the same build of
// gotour-gpm reads them back instead (termview.Cache). Each build has a
// directory of its own, so a new build never reads an old build's runs;
// a file that cannot be read back whole, or that holds another key's
// run, is a miss, and the run that follows replaces it.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	"github.com/gotour-gpm/gotour-gpm/internal/termview"
	"github.com/gotour-gpm/gotour-gpm/runner"
)

// cacheDirEnv names the directory of the run cache, instead of
// gotour-gpm under the user's cache directory.
const cacheDirEnv = "GOTOUR_GPM_CACHE_DIR"

// maxCachedRun bounds a cached run read back; a lesson snippet's run,
// trace included, takes a few hundred KiB at most.
const maxCachedRun = 64 << 20

// fileCache is a termview.Cache in a directory, a JSON file per run.
type fileCache struct{ dir string }

// cachedRun is a run on disk, with the key it was stored under.
type cachedRun struct {
	Key    string         `json:"key"`
	Result *runner.Result `json:"result"`
}

// runCache returns the lesson command's run cache, or nil when there is
// no cache directory or the running binary cannot be told apart from
// other builds.
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

func (c *fileCache) path(key string) string { return filepath.Join(c.dir, key+".json") }

// Get reads the run stored under key.
func (c *fileCache) Get(key string) (*runner.Result, bool) {
	f, err := os.Open(c.path(key))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCachedRun+1))
	if err != nil || len(data) > maxCachedRun {
		return nil, false
	}
	var cr cachedRun
	if json.Unmarshal(data, &cr) != nil || cr.Key != key || cr.Result == nil {
		return nil, false
	}
	return cr.Result, true
}

// Put stores res under key, through a temporary file renamed into place,
// so that a reader never sees half a file.
func (c *fileCache) Put(key string, res *runner.Result) {
	data, err := json.Marshal(cachedRun{Key: key, Result: res})
	if err != nil || os.MkdirAll(c.dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, key+".*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), c.path(key)) != nil {
		os.Remove(tmp.Name())
	}
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
