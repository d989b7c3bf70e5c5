// Package i18n holds the two languages the course speaks, English and
// Chinese, and picks one for the learner.
//
// It is a leaf package that imports only the standard library, so every
// other package (the lesson model, the renderer, the CLI) can use [Lang]
// and [Text] without pulling in anything else.
//
// # Choosing a language
//
// [Detect] follows the usual Unix order: an explicit --lang flag wins;
// otherwise the first non-empty of LC_ALL, LC_MESSAGES and LANG decides,
// where a Chinese locale (zh, zh_CN.UTF-8, zh_TW, ...) means Chinese and
// everything else, including "C" and "POSIX", means English. With no setting at all the
// course speaks English.
//
// # Translating a message
//
// A [Text] carries one message in both languages. [Text.In] returns the
// Chinese text when asked for it and falls back to English when no
// translation was written, so a missing translation shows English rather
// than an empty line.
package i18n
