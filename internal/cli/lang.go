package cli

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// langFlag is the value of --lang. Set checks the value and switches the
// env's language at once, while flags are still being parsed, so help
// and messages printed afterwards are already in the chosen language.
// Its default, shown in help, is the language detected from the locale.
type langFlag struct{ e *env }

func (f langFlag) String() string { return string(f.e.lang) }

// Type names the values in help: "--lang en|zh".
func (f langFlag) Type() string { return langList("|") }

func (f langFlag) Set(s string) error {
	l, err := i18n.Parse(s)
	if err != nil {
		// Reported in the language detected so far, since s is not one.
		return errorf(i18n.Text{
			En: "invalid --lang value %q; valid values: %s",
			Zh: "--lang 的取值 %q 无效；可选值：%s",
		}, s, langList(", "))
	}
	f.e.setLang(l)
	return nil
}

// langList joins the supported language codes with sep.
func langList(sep string) string {
	codes := make([]string, len(i18n.Langs))
	for i, l := range i18n.Langs {
		codes[i] = string(l)
	}
	return strings.Join(codes, sep)
}

// describe sets cmd's Short and Long in the learner's language, now and
// again if --lang changes it.
func (e *env) describe(cmd *cobra.Command, short, long i18n.Text) {
	e.localize(func(l i18n.Lang) {
		cmd.Short = short.In(l)
		cmd.Long = long.In(l)
	})
}

// describeFlag does for a flag's help line what describe does for a
// command's. The flag must already be defined in fs.
func (e *env) describeFlag(fs *pflag.FlagSet, name string, usage i18n.Text) {
	f := fs.Lookup(name)
	if f == nil {
		panic("cli: describeFlag: no flag --" + name) // a programmer error
	}
	e.localize(func(l i18n.Lang) { f.Usage = usage.In(l) })
}

// localize applies fn to the current language and remembers it for
// setLang.
func (e *env) localize(fn func(i18n.Lang)) {
	fn(e.lang)
	e.localizers = append(e.localizers, fn)
}

// setLang switches the learner's language and re-translates the help
// text of every command and flag.
func (e *env) setLang(l i18n.Lang) {
	e.lang = l
	for _, fn := range e.localizers {
		fn(l)
	}
}
