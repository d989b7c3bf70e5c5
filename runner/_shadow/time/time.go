// Package time is the simulator's time: the real types, with the clock,
// sleeps, timers and tickers on the simulator's virtual clock.
package time

import (
	rtime "gotour.gpm/realtime"
	rt "gotour.gpm/rt"
)

type (
	Duration   = rtime.Duration
	Time       = rtime.Time
	Month      = rtime.Month
	Weekday    = rtime.Weekday
	Location   = rtime.Location
	ParseError = rtime.ParseError
)

const (
	Nanosecond  = rtime.Nanosecond
	Microsecond = rtime.Microsecond
	Millisecond = rtime.Millisecond
	Second      = rtime.Second
	Minute      = rtime.Minute
	Hour        = rtime.Hour
)

const (
	Layout      = rtime.Layout
	ANSIC       = rtime.ANSIC
	UnixDate    = rtime.UnixDate
	RFC822      = rtime.RFC822
	RFC1123     = rtime.RFC1123
	RFC3339     = rtime.RFC3339
	RFC3339Nano = rtime.RFC3339Nano
	Kitchen     = rtime.Kitchen
	Stamp       = rtime.Stamp
	StampMilli  = rtime.StampMilli
	DateTime    = rtime.DateTime
	DateOnly    = rtime.DateOnly
	TimeOnly    = rtime.TimeOnly
)

const (
	January   = rtime.January
	February  = rtime.February
	March     = rtime.March
	April     = rtime.April
	May       = rtime.May
	June      = rtime.June
	July      = rtime.July
	August    = rtime.August
	September = rtime.September
	October   = rtime.October
	November  = rtime.November
	December  = rtime.December
)

const (
	Sunday    = rtime.Sunday
	Monday    = rtime.Monday
	Tuesday   = rtime.Tuesday
	Wednesday = rtime.Wednesday
	Thursday  = rtime.Thursday
	Friday    = rtime.Friday
	Saturday  = rtime.Saturday
)

// UTC and Local are both UTC: the simulated machine has no time zone.
var (
	UTC   = rtime.UTC
	Local = rtime.UTC
)

func Now() Time                                { return rt.Now() }
func Since(t Time) Duration                    { return rt.Now().Sub(t) }
func Until(t Time) Duration                    { return t.Sub(rt.Now()) }
func Sleep(d Duration)                         { rt.Sleep(int64(d)) }
func Unix(sec, nsec int64) Time                { return rtime.Unix(sec, nsec).UTC() }
func UnixMilli(msec int64) Time                { return rtime.UnixMilli(msec).UTC() }
func ParseDuration(s string) (Duration, error) { return rtime.ParseDuration(s) }
func Parse(layout, value string) (Time, error) { return rtime.Parse(layout, value) }
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	return rtime.Date(year, month, day, hour, min, sec, nsec, loc)
}

// Timer sends the time on C once, after its duration.
type Timer struct {
	C  <-chan Time
	id int
}

func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	return &Timer{C: c, id: rt.NewTimer(c, int64(d), 0)}
}

func (t *Timer) Stop() bool                 { return rt.StopTimer(t.id) }
func (t *Timer) Reset(d Duration) bool      { return rt.ResetTimer(t.id, int64(d), 0) }
func After(d Duration) <-chan Time          { return NewTimer(d).C }
func AfterFunc(d Duration, f func()) *Timer { return &Timer{id: rt.AfterFunc(int64(d), f)} }

// Ticker sends the time on C every period.
type Ticker struct {
	C  <-chan Time
	id int
}

func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	return &Ticker{C: c, id: rt.NewTimer(c, int64(d), int64(d))}
}

func (t *Ticker) Stop()            { rt.StopTimer(t.id) }
func (t *Ticker) Reset(d Duration) { rt.ResetTimer(t.id, int64(d), int64(d)) }

func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
