package i18n

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    Lang
		wantErr bool
	}{
		{in: "en", want: En},
		{in: "zh", want: Zh},
		{in: "EN", want: En},
		{in: "Zh", want: Zh},
		{in: "zh-CN", want: Zh},
		{in: "zh_CN", want: Zh},
		{in: "zh_CN.UTF-8", want: Zh},
		{in: "zh_TW.Big5", want: Zh},
		{in: "zh-Hans", want: Zh},
		{in: "zh_CN.UTF-8@pinyin", want: Zh},
		{in: "en_US.UTF-8", want: En},
		{in: "en-GB", want: En},
		{in: " en ", want: En},
		{in: "", wantErr: true},
		{in: "fr", wantErr: true},
		{in: "fr_FR.UTF-8", wantErr: true},
		{in: "C", wantErr: true},
		{in: "POSIX", wantErr: true},
		{in: "zha", wantErr: true},
		{in: "english", wantErr: true},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.wantErr {
			if err == nil {
				t.Errorf("Parse(%q) = %q, want error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseErrorListsValidValues(t *testing.T) {
	_, err := Parse("fr")
	const want = `unknown language "fr" (valid: en, zh)`
	if err == nil || err.Error() != want {
		t.Errorf("Parse error = %v, want %q", err, want)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		flag string
		env  map[string]string
		want Lang
	}{
		{name: "nothing set", want: En},
		{name: "flag zh", flag: "zh", want: Zh},
		{name: "flag beats locale", flag: "en", env: map[string]string{"LC_ALL": "zh_CN.UTF-8"}, want: En},
		{name: "bad flag falls back to locale", flag: "fr", env: map[string]string{"LANG": "zh_CN.UTF-8"}, want: Zh},
		{name: "LANG zh", env: map[string]string{"LANG": "zh_CN.UTF-8"}, want: Zh},
		{name: "LANG en", env: map[string]string{"LANG": "en_US.UTF-8"}, want: En},
		{name: "LANG other language", env: map[string]string{"LANG": "de_DE.UTF-8"}, want: En},
		{name: "LANG C", env: map[string]string{"LANG": "C"}, want: En},
		{name: "LANG C.UTF-8", env: map[string]string{"LANG": "C.UTF-8"}, want: En},
		{name: "LC_ALL POSIX beats LANG zh", env: map[string]string{"LC_ALL": "POSIX", "LANG": "zh_CN.UTF-8"}, want: En},
		{name: "LC_ALL beats LC_MESSAGES", env: map[string]string{"LC_ALL": "zh_TW", "LC_MESSAGES": "en_US"}, want: Zh},
		{name: "LC_MESSAGES beats LANG", env: map[string]string{"LC_MESSAGES": "zh_CN", "LANG": "en_US"}, want: Zh},
		{name: "empty LC_ALL is skipped", env: map[string]string{"LC_ALL": "", "LANG": "zh"}, want: Zh},
		{name: "zha is not Chinese", env: map[string]string{"LANG": "zha_CN"}, want: En},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			if got := Detect(tt.flag, getenv); got != tt.want {
				t.Errorf("Detect(%q, %v) = %q, want %q", tt.flag, tt.env, got, tt.want)
			}
		})
	}
}

func TestTextIn(t *testing.T) {
	tests := []struct {
		text Text
		lang Lang
		want string
	}{
		{Text{En: "hello", Zh: "你好"}, En, "hello"},
		{Text{En: "hello", Zh: "你好"}, Zh, "你好"},
		{Text{En: "hello"}, Zh, "hello"},
		{Text{En: "hello", Zh: "你好"}, Lang("fr"), "hello"},
		{Text{}, Zh, ""},
	}
	for _, tt := range tests {
		if got := tt.text.In(tt.lang); got != tt.want {
			t.Errorf("%#v.In(%q) = %q, want %q", tt.text, tt.lang, got, tt.want)
		}
	}
}
