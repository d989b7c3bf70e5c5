package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// searchDoc is one searchable part of a lesson: its introduction or one
// section, in one language.
type searchDoc struct {
	Lang  string
	URL   string // relative to the site root, with the section's anchor
	Title string
	Text  string
}

// searchIndex is the JSON of assets/search-index.js.
type searchIndex struct {
	// Docs are [lang, url, title, excerpt].
	Docs [][4]string `json:"docs"`
	// Terms maps each term to its postings: doc index, then the number of
	// times the term occurs there, flattened.
	Terms map[string][]int `json:"terms"`
}

// excerptLen is how many characters of a section's text a search result
// shows.
const excerptLen = 140

// buildIndex builds the search index of docs, as a script that assigns it
// to window.GPM_SEARCH_INDEX. encoding/json writes map keys sorted, so
// the bytes are stable.
func buildIndex(docs []searchDoc) ([]byte, error) {
	idx := searchIndex{Terms: map[string][]int{}}
	for i, d := range docs {
		idx.Docs = append(idx.Docs, [4]string{d.Lang, d.URL, d.Title, excerpt(d.Text, excerptLen)})
		counts := map[string]int{}
		for _, t := range Terms(d.Title + "\n" + d.Text) {
			counts[t]++
		}
		terms := make([]string, 0, len(counts))
		for t := range counts {
			terms = append(terms, t)
		}
		slices.Sort(terms)
		for _, t := range terms {
			idx.Terms[t] = append(idx.Terms[t], i, counts[t])
		}
	}
	data, err := json.Marshal(idx)
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	var b bytes.Buffer
	b.WriteString("// The search index of both languages, built by package render (see search.go).\nwindow.GPM_SEARCH_INDEX = ")
	b.Write(data)
	b.WriteString(";\n")
	return b.Bytes(), nil
}

// Terms splits text into search terms, as static/search.js splits a
// query: runs of letters and digits of alphabetic scripts become
// lower-cased words; runs of Han, kana and Hangul become their bigrams
// (every two neighbouring characters), or the character itself when the
// run is one character long. Bigrams find Chinese words without a
// dictionary: "调度器" gives "调度" and "度器", and a query for "调度"
// matches.
func Terms(text string) []string {
	var out []string
	var word, cjk []rune
	flush := func() {
		if len(word) > 0 {
			out = append(out, strings.ToLower(string(word)))
			word = word[:0]
		}
		switch len(cjk) {
		case 0:
		case 1:
			out = append(out, string(cjk))
		default:
			for i := 0; i+1 < len(cjk); i++ {
				out = append(out, string(cjk[i:i+2]))
			}
		}
		cjk = cjk[:0]
	}
	for _, r := range text {
		switch {
		case isCJK(r):
			if len(word) > 0 {
				flush()
			}
			cjk = append(cjk, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			if len(cjk) > 0 {
				flush()
			}
			word = append(word, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// isCJK reports whether r is written without spaces between words.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// excerpt is the start of text, white space collapsed, cut at n runes.
func excerpt(text string, n int) string {
	s := strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
