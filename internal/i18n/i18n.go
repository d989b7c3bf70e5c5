package i18n

import (
	"fmt"
	"strings"
)

// Lang is a language the course is written in. Its value is the
// lower-case language code used by --lang, in lesson directory names
// (lessons/en, lessons/zh) and in locale variables.
type Lang string

// The languages the course is written in.
const (
	En Lang = "en" // English
	Zh Lang = "zh" // Simplified Chinese
)

// Langs lists every supported language, English first. Messages that
// list the valid --lang values print them in this order.
var Langs = []Lang{En, Zh}

// Parse returns the language named by s. It accepts a bare code ("en",
// "zh") and the locale forms seen in --lang values and environment
// variables: a region ("zh-CN", "zh_TW"), an encoding ("en_US.UTF-8") and a
// modifier ("zh_CN.UTF-8@pinyin"), in any letter case. Parse does not map
// "C" or "POSIX" to English; that is a rule about locale variables, which
// [Detect] applies.
func Parse(s string) (Lang, error) {
	switch code := language(s); code {
	case string(En):
		return En, nil
	case string(Zh):
		return Zh, nil
	}
	return "", fmt.Errorf("unknown language %q (valid: %s)", s, validList())
}

// Detect picks the learner's language. A non-empty flag that [Parse]
// accepts wins. Otherwise the first non-empty of the locale variables
// LC_ALL, LC_MESSAGES and LANG, read through getenv, decides: a value
// whose language part is "zh" ("zh", "zh_CN.UTF-8", "zh_TW") means [Zh],
// and any other value, "C" and "POSIX" included, means [En]. With no flag
// and no locale, Detect returns [En].
//
// Detect compares the whole language code rather than the prefix "zh",
// so that codes which merely start with it, such as "zha" (Zhuang), do
// not select Chinese.
//
// Detect never fails. A flag value that Parse rejects is ignored here, so
// callers that must report a bad --lang call Parse themselves; they can
// still use Detect("", getenv) to choose the language of that report.
func Detect(flag string, getenv func(string) string) Lang {
	if l, err := Parse(flag); err == nil {
		return l
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if language(v) == string(Zh) {
			return Zh
		}
		return En
	}
	return En
}

// language returns the lower-case language part of a locale name: the
// text before any region ("_" or "-"), encoding (".") or modifier ("@").
func language(s string) string {
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	return strings.ToLower(strings.TrimSpace(s))
}

// validList returns the valid codes as "en, zh", for error messages.
func validList() string {
	codes := make([]string, len(Langs))
	for i, l := range Langs {
		codes[i] = string(l)
	}
	return strings.Join(codes, ", ")
}

// Text is one message in both languages.
type Text struct {
	En string // English; always written
	Zh string // Simplified Chinese; may be empty until translated
}

// In returns t in language l. It falls back to the English text when l
// is [Zh] and no Chinese text was written, and for any unknown language.
func (t Text) In(l Lang) string {
	if l == Zh && t.Zh != "" {
		return t.Zh
	}
	return t.En
}
