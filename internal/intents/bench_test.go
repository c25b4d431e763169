package intents_test

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/fixture"

	"github.com/clinicbot/aftercare/content"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/intents"
)

// realisticMix returns the project's labelled questions plus greetings,
// urgent messages, misspellings and off-topic requests.
func realisticMix(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open("../../testdata/questions.tsv")
	if err != nil {
		tb.Fatalf("open questions: %v", err)
	}
	defer f.Close()
	var msgs []string
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		if !first {
			msgs = append(msgs, strings.SplitN(sc.Text(), "\t", 2)[0])
		}
	}
	return append(msgs, "hi", "thanks!", "bahth?", "my lips are swelling and i cant breathe",
		"what's the weather tomorrow", "", "😀", strings.Repeat("can i take a bath tonight? ", 40))
}

// benchmarkMatch reports the mean (ns/op) and the 99th percentile latency.
func benchmarkMatch(b *testing.B, m *intents.Matcher, msgs []string) {
	durations := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		m.Match(msgs[i%len(msgs)])
		durations = append(durations, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(durations)
	p99 := durations[len(durations)*99/100]
	b.ReportMetric(float64(p99.Nanoseconds())/1000, "p99-µs")
}

// BenchmarkMatch: target mean ≤ 20 µs and p99 ≤ 100 µs per message.
func BenchmarkMatch(b *testing.B) {
	benchmarkMatch(b, fixture.Matcher(b), realisticMix(b))
}

// BenchmarkMatch1000Items: target ≤ 1 ms per message with 1,000 items.
func BenchmarkMatch1000Items(b *testing.B) {
	c, err := catalog.Load(content.FS)
	if err != nil {
		b.Fatal(err)
	}
	syn := syntheticCatalog(c, 1000)
	m, err := intents.New(syn)
	if err != nil {
		b.Fatal(err)
	}
	msgs := realisticMix(b)
	for i := 0; i < 200; i++ {
		msgs = append(msgs, fmt.Sprintf("can i use the %s tonight or is %s better", word(i*7), word(i*13+1)))
	}
	benchmarkMatch(b, m, msgs)
}

// syntheticCatalog adds n generated items, each with its own made-up
// vocabulary, to the real content.
func syntheticCatalog(base *catalog.Catalog, n int) *catalog.Catalog {
	c := *base
	c.Items = slices.Clone(base.Items)
	for i := 0; i < n; i++ {
		it := catalog.Item{
			ID: fmt.Sprintf("synthetic.item%d", i), Section: catalog.SectionHome, Title: fmt.Sprintf("Item %d", i),
			Answer:   "A synthetic answer.",
			Keywords: []string{word(i * 7), word(i*7+1) + " " + word(i*7+2), word(i*7 + 3)},
			Hints:    []string{word(i*7 + 4), "tonight"},
		}
		for k := 0; k < 10; k++ {
			it.Examples = append(it.Examples, catalog.Phrase{Text: fmt.Sprintf("can i use %s with %s %d", word(i*7), word(i*7+4), k)})
		}
		c.Items = append(c.Items, it)
	}
	return &c
}

// word makes a pronounceable made-up word from n.
func word(n int) string {
	const cons, vow = "bdfgklmnprstvz", "aeiou"
	var b strings.Builder
	for i := 0; i < 4; i++ {
		b.WriteByte(cons[n%len(cons)])
		n /= len(cons)
		b.WriteByte(vow[(n+i)%len(vow)])
	}
	return b.String()
}

// BenchmarkNew builds the matcher from the built-in content, as start-up
// and every content reload do.
func BenchmarkNew(b *testing.B) {
	c := fixture.Catalog(b)
	intents.New(c) // the shared English word list is built once per process
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := intents.New(c); err != nil {
			b.Fatal(err)
		}
	}
}
