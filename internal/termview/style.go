package termview

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	glansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
)

// The few SGR sequences the pictures use. glamour styles the Markdown;
// these only mark labels and goroutines in the blocks drawn here, in
// 256-colour codes like glamour's "dark" style.
const (
	sgrReset = "\x1b[m"
	sgrBold  = "\x1b[1m"
	sgrDim   = "\x1b[2m"
)

// Colours from the 256-colour palette.
const (
	colGreen  = 42
	colRed    = 203
	colYellow = 220
	colLabel  = 39 // the blue of glamour's dark headings
)

// gColours are the colours of goroutine labels in the timeline, chosen to
// tell neighbours apart on a dark background.
var gColours = []int{39, 208, 42, 205, 220, 141, 45, 203, 118, 177}

// palette applies styles when on, and returns text unchanged otherwise.
type palette struct{ on bool }

func (p palette) wrap(seq, s string) string {
	if !p.on || s == "" {
		return s
	}
	return seq + s + sgrReset
}

func fg(c int) string { return "\x1b[38;5;" + strconv.Itoa(c) + "m" }

func (p palette) bold(s string) string          { return p.wrap(sgrBold, s) }
func (p palette) dim(s string) string           { return p.wrap(sgrDim, s) }
func (p palette) colour(c int, s string) string { return p.wrap(fg(c), s) }
func (p palette) label(s string) string         { return p.wrap(sgrBold+fg(colLabel), s) }

// width is the number of terminal columns s takes, ignoring escape
// sequences and counting wide (CJK) characters as two.
func width(s string) int { return ansi.StringWidth(s) }

// pad right-pads s with spaces to n columns.
func pad(s string, n int) string {
	if w := width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// darkStyle is glamour's "dark" style with its code colours moved onto
// the xterm 256-colour palette. chroma's 256-colour formatter picks the
// nearest palette colour by ranging over a map, so a colour halfway
// between two (the dark style's comment grey, #676767, between 241 and
// 242) comes out as either, run by run; a colour on the palette has one
// nearest, itself, so the output is the same every time.
func darkStyle() glansi.StyleConfig {
	cfg := styles.DarkStyleConfig
	if cfg.CodeBlock.Chroma == nil {
		return cfg
	}
	ch := *cfg.CodeBlock.Chroma
	v := reflect.ValueOf(&ch).Elem()
	for i := range v.NumField() {
		p, ok := v.Field(i).Addr().Interface().(*glansi.StylePrimitive)
		if !ok {
			continue
		}
		p.Color = snapColour(p.Color)
		p.BackgroundColor = snapColour(p.BackgroundColor)
	}
	cfg.CodeBlock.Chroma = &ch
	return cfg
}

// snapColour returns the xterm palette colour (16-255) nearest to a
// "#rrggbb" colour, the lower index on a tie; anything else is returned
// as it is.
func snapColour(c *string) *string {
	var r, g, b uint8
	if c == nil || len(*c) != 7 || (*c)[0] != '#' {
		return c
	}
	if _, err := fmt.Sscanf((*c)[1:], "%02x%02x%02x", &r, &g, &b); err != nil {
		return c
	}
	best, bestD := "", -1
	for i := 16; i < 256; i++ {
		pr, pg, pb := xterm(i)
		d := sq(int(r)-pr) + sq(int(g)-pg) + sq(int(b)-pb)
		if bestD < 0 || d < bestD {
			best, bestD = fmt.Sprintf("#%02x%02x%02x", pr, pg, pb), d
		}
	}
	return &best
}

// xterm returns the RGB of xterm colour i, 16 ≤ i < 256: a 6×6×6 cube,
// then 24 greys.
func xterm(i int) (r, g, b int) {
	if i >= 232 {
		v := 8 + 10*(i-232)
		return v, v, v
	}
	level := [6]int{0, 95, 135, 175, 215, 255}
	i -= 16
	return level[i/36], level[i/6%6], level[i%6]
}

func sq(x int) int { return x * x }
