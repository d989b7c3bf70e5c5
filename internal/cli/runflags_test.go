package cli

import "testing"

func TestEnvProcs(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"4", 4},
		{"+4", 4}, // strconv.ParseInt accepts a sign, and so does the runtime
		{"0", 0},
		{"-1", 0},
		{" 4", 0},
		{"4x", 0},
		{"2147483647", 2147483647},
		{"2147483648", 0}, // not an int32
	}
	for _, tt := range tests {
		if got := envProcs(tt.in); got != tt.want {
			t.Errorf("envProcs(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestSizeFlag(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantStr string
		wantErr bool
	}{
		{in: "1000", want: 1000, wantStr: "1KB"},
		{in: "1MB", want: 1_000_000, wantStr: "1MB"},
		{in: "1mb", want: 1_000_000, wantStr: "1MB"},
		{in: "64KiB", want: 64 << 10, wantStr: "64KiB"},
		{in: "1GiB", want: 1 << 30, wantStr: "1GiB"},
		{in: "2GB", want: 2e9, wantStr: "2GB"},
		{in: "1536", want: 1536, wantStr: "1536B"},
		{in: "7B", want: 7, wantStr: "7B"},
		{in: "0", wantErr: true},
		{in: "-1MB", wantErr: true},
		{in: "MB", wantErr: true},
		{in: "1XB", wantErr: true},
		{in: "1.5MB", wantErr: true},
		{in: "9999999999GiB", wantErr: true},
	}
	for _, tt := range tests {
		var n int64
		f := sizeFlag{name: "max-output", n: &n}
		err := f.Set(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("Set(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if n != tt.want || f.String() != tt.wantStr {
			t.Errorf("Set(%q) = %d, String() = %q; want %d, %q", tt.in, n, f.String(), tt.want, tt.wantStr)
		}
	}
}
