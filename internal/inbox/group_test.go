package inbox

import (
	"reflect"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/store"
)

func TestGroups(t *testing.T) {
	base := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	q := func(minutes int, text, topic string) store.Question {
		return store.Question{Text: text, Topic: topic, Asked: base.Add(time.Duration(minutes) * time.Minute)}
	}
	qs := []store.Question{
		q(1, "can i go to the gym", "gym"),
		q(2, "when can I get a tattoo", ""),
		q(3, "is my skin ok for fake tan", ""),
		q(4, "gym tomorrow?", "gym"),
		q(5, "tattoos on my face after?", ""),
		q(6, "what is the weather like", ""),
		q(7, "can I use tanning drops on my skin", ""),
		q(8, "call me on [number]", ""),
	}
	type group struct {
		Key, Label string
		Texts      []string
	}
	var got []group
	for _, g := range Groups(qs) {
		gr := group{Key: g.Key, Label: g.Label}
		for _, q := range g.Questions {
			gr.Texts = append(gr.Texts, q.Text)
		}
		got = append(got, gr)
	}
	want := []group{
		{"word:tan", "tan", []string{"can I use tanning drops on my skin", "is my skin ok for fake tan"}},
		{"word:tattoo", "tattoo", []string{"tattoos on my face after?", "when can I get a tattoo"}},
		{"topic:gym", "gym", []string{"gym tomorrow?", "can i go to the gym"}},
		{KeyOther, "Other questions", []string{"call me on [number]", "what is the weather like"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Groups() =\n%+v\nwant\n%+v", got, want)
	}
}
