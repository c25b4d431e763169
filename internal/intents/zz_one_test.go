package intents_test

import (
	"os"
	"testing"

	"github.com/clinicbot/aftercare/internal/fixture"
)

func BenchmarkOne(b *testing.B) {
	m := fixture.Matcher(b)
	s := os.Getenv("MSG")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Match(s)
	}
}
