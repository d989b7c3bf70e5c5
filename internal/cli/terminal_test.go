package cli

import (
	"bytes"
	"os/exec"
	"runtime"
	"testing"
)

func TestUseColor(t *testing.T) {
	tests := []struct {
		mode colorMode
		tty  bool
		env  map[string]string
		want bool
	}{
		{"auto", true, nil, true},
		{"auto", false, nil, false},
		{"auto", true, map[string]string{"NO_COLOR": "1"}, false},
		{"auto", true, map[string]string{"TERM": "dumb"}, false},
		{"auto", false, map[string]string{"CLICOLOR_FORCE": "1"}, true},
		{"auto", false, map[string]string{"CLICOLOR_FORCE": "0"}, false},
		{"auto", false, map[string]string{"CLICOLOR_FORCE": "1", "NO_COLOR": "1"}, false},
		{"always", false, map[string]string{"NO_COLOR": "1"}, true},
		{"never", true, map[string]string{"CLICOLOR_FORCE": "1"}, false},
	}
	for _, tt := range tests {
		if got := useColor(tt.mode, tt.tty, func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("useColor(%q, tty=%v, %v) = %v, want %v", tt.mode, tt.tty, tt.env, got, tt.want)
		}
	}
}

func TestPagerCommand(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{nil, "less -R"},
		{map[string]string{"PAGER": "more"}, "more"},
		{map[string]string{"PAGER": "more", "GOTOUR_GPM_PAGER": "most"}, "most"},
		{map[string]string{"PAGER": "cat"}, ""},
		{map[string]string{"GOTOUR_GPM_PAGER": "cat", "PAGER": "less"}, ""},
	}
	for _, tt := range tests {
		if got := pagerCommand(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("pagerCommand(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

// TestPageNotATerminal checks that output to anything but a terminal is
// never paged, whatever the pager settings.
func TestPageNotATerminal(t *testing.T) {
	var out bytes.Buffer
	e := &env{stdout: &out, getenv: func(k string) string { return map[string]string{"PAGER": "false"}[k] }}
	text := "line\n"
	for range 500 {
		text += "line\n"
	}
	if err := e.page(text, false); err != nil {
		t.Fatal(err)
	}
	if out.String() != text {
		t.Errorf("page wrote %d bytes, want the %d of the text", out.Len(), len(text))
	}
}

func TestRunPager(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the pager runs through sh")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	var out bytes.Buffer
	if err := runPager("tr a-z A-Z", &out, "paged\n"); err != nil {
		t.Fatal(err)
	}
	if out.String() != "PAGED\n" {
		t.Errorf("pager output = %q, want %q", out.String(), "PAGED\n")
	}
	// A pager that is not there shows nothing: runPager says so, and
	// page falls back to writing the text itself.
	if err := runPager("no-such-pager-gotour-gpm", &out, "x\n"); err == nil {
		t.Error("runPager with a missing pager: no error")
	}
}

func TestUserConfigDir(t *testing.T) {
	tests := []struct {
		goos    string
		env     map[string]string
		want    string
		wantErr bool
	}{
		{"linux", map[string]string{"XDG_CONFIG_HOME": "/x", "HOME": "/h"}, "/x", false},
		{"linux", map[string]string{"HOME": "/h"}, "/h/.config", false},
		{"linux", map[string]string{"XDG_CONFIG_HOME": "rel", "HOME": "/h"}, "", true},
		{"linux", nil, "", true},
		{"darwin", map[string]string{"HOME": "/h"}, "/h/Library/Application Support", false},
		{"windows", map[string]string{"AppData": `C:\x`}, `C:\x`, false},
	}
	for _, tt := range tests {
		got, err := userConfigDir(func(k string) string { return tt.env[k] }, tt.goos)
		if (err != nil) != tt.wantErr || (!tt.wantErr && got != tt.want) {
			t.Errorf("userConfigDir(%s, %v) = %q, %v; want %q, error %v", tt.goos, tt.env, got, err, tt.want, tt.wantErr)
		}
	}
}
