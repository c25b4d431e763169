package inbox_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/inbox"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

func TestParseSchedule(t *testing.T) {
	tests := []struct {
		in   string
		want inbox.Schedule
		ok   bool
	}{
		{"Mon 09:00", inbox.Schedule{Days: []time.Weekday{time.Monday}, Hour: 9}, true},
		{"mon,thu 08:30", inbox.Schedule{Days: []time.Weekday{time.Monday, time.Thursday}, Hour: 8, Minute: 30}, true},
		{"daily 17:05", inbox.Schedule{Hour: 17, Minute: 5}, true},
		{"off", inbox.Schedule{Off: true}, true},
		{"Monday 09:00", inbox.Schedule{}, false},
		{"Mon 9", inbox.Schedule{}, false},
		{"Mon 24:00", inbox.Schedule{}, false},
		{"Mon 09:7", inbox.Schedule{}, false},
		{"09:00", inbox.Schedule{}, false},
		{"", inbox.Schedule{}, false},
	}
	for _, tt := range tests {
		got, err := inbox.ParseSchedule(tt.in)
		if (err == nil) != tt.ok || got.Off != tt.want.Off || got.Hour != tt.want.Hour || got.Minute != tt.want.Minute || len(got.Days) != len(tt.want.Days) {
			t.Errorf("ParseSchedule(%q) = %+v, %v; want %+v (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

var london, _ = time.LoadLocation("Europe/London")

// record records a declined question asked at when.
func record(t *testing.T, db *store.DB, text, topic string, when time.Time) {
	t.Helper()
	err := db.Tx(t.Context(), func(tx *store.Tx) error {
		_, err := tx.RecordQuestion(t.Context(), store.Question{Actor: aftercare.Actor{Platform: aftercare.Telegram, UserID: "9"},
			Text: text, Reason: "out_of_scope", Topic: topic, Asked: when, Status: store.StatusNew})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// queued returns the posts waiting in the outbox.
func queued(t *testing.T, db *store.DB, now time.Time) []store.Post {
	t.Helper()
	ps, err := db.ClaimPosts(t.Context(), now, 100)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// The weekly digest: posted once however many replicas tick at once,
// naming the groups and counting; nothing before its time, nothing for a
// week without questions, and a digest missed by more than the grace is
// skipped.
func TestDigestOnceAcrossReplicas(t *testing.T) {
	for name, url := range map[string]func(testing.TB) string{"sqlite": storetest.SQLiteURL, "postgres": storetest.PostgresURL} {
		t.Run(name, func(t *testing.T) {
			raw := url(t)
			db := storetest.Open(t, raw)
			monday := time.Date(2026, 11, 30, 9, 0, 0, 0, london) // a Monday
			clock := fixture.NewClock(monday.Add(-time.Minute))
			sch, _ := inbox.ParseSchedule("Mon 09:00")
			digest := func(db *store.DB) *inbox.Digest {
				return &inbox.Digest{Store: db, Schedule: sch, Location: london, Channel: "CCARE", Clock: clock}
			}
			record(t, db, "can I go to the gym", "gym", monday.AddDate(0, 0, -2))
			record(t, db, "gym tomorrow?", "gym", monday.AddDate(0, 0, -1))
			record(t, db, "is a tattoo ok", "", monday.AddDate(0, 0, -3))
			record(t, db, "tattoo next week", "", monday.AddDate(0, 0, -3))
			record(t, db, "from last month", "gym", monday.AddDate(0, 0, -10)) // before the last digest

			if ok, err := digest(db).Tick(t.Context()); ok || err != nil {
				t.Fatalf("Tick before 09:00 = %v, %v; want nothing", ok, err)
			}
			clock.Add(2 * time.Minute)
			var wg sync.WaitGroup
			results := make([]bool, 6)
			for i := range results {
				replica := storetest.Open(t, raw)
				wg.Go(func() {
					ok, err := digest(replica).Tick(t.Context())
					if err != nil {
						t.Error(err)
					}
					results[i] = ok
				})
			}
			wg.Wait()
			posted := 0
			for _, ok := range results {
				if ok {
					posted++
				}
			}
			ps := queued(t, db, clock.Now())
			if posted != 1 || len(ps) != 1 {
				t.Fatalf("%d replicas queued a digest, outbox holds %d; want 1 and 1", posted, len(ps))
			}
			text := string(ps[0].Payload)
			for _, want := range []string{"since Mon 23 Nov 09:00: 4", "gym: 2", "tattoo: 2", "/aftercare inbox"} {
				if !strings.Contains(text, want) {
					t.Errorf("digest %s lacks %q", text, want)
				}
			}
			if ps[0].To != (aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE"}) {
				t.Errorf("digest to %+v", ps[0].To)
			}
			// Next Monday: no new question, no post. The one after is
			// missed by 3 hours (the bot down): skipped.
			clock.Set(monday.AddDate(0, 0, 7).Add(time.Minute))
			if ok, _ := digest(db).Tick(t.Context()); ok {
				t.Error("a digest was posted for a week without questions")
			}
			record(t, db, "gym again", "gym", monday.AddDate(0, 0, 8))
			clock.Set(monday.AddDate(0, 0, 14).Add(3 * time.Hour))
			if ok, _ := digest(db).Tick(t.Context()); ok {
				t.Error("a digest 3 hours late was posted")
			}
		})
	}
}

// In alert-only no group named by patients' own words is shown.
func TestDigestAlertOnlyNamesTopicsOnly(t *testing.T) {
	db := storetest.Open(t, storetest.SQLiteURL(t))
	monday := time.Date(2026, 11, 30, 9, 0, 0, 0, london)
	clock := fixture.NewClock(monday.Add(time.Minute))
	sch, _ := inbox.ParseSchedule("daily 09:00")
	record(t, db, "can I go to the gym", "gym", monday.Add(-time.Hour))
	record(t, db, "is my tattoo ok", "", monday.Add(-2*time.Hour))
	record(t, db, "tattoo ink near it?", "", monday.Add(-3*time.Hour))
	d := &inbox.Digest{Store: db, Schedule: sch, Location: london, Channel: "CCARE", Clock: clock, AlertOnly: true}
	if ok, err := d.Tick(t.Context()); !ok || err != nil {
		t.Fatalf("Tick = %v, %v", ok, err)
	}
	text := string(queued(t, db, clock.Now())[0].Payload)
	if strings.Contains(text, "tattoo") || !strings.Contains(text, "gym: 1") || !strings.Contains(text, "other questions: 2") {
		t.Errorf("alert-only digest %s; want the topic named and the rest counted, no patient's word", text)
	}
}
