package reply_test

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/fixture"

	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/intents"
	"github.com/clinicbot/aftercare/internal/reply"
)

func ask(s *reply.Service, text string) aftercare.Outgoing {
	return s.Answer(context.Background(), aftercare.Inbound{From: aftercare.Actor{Platform: "test", UserID: "1"}, Text: text})
}

func answerIDs(r aftercare.Outgoing) []string {
	var ids []string
	for _, a := range r.Answers {
		ids = append(ids, a.ItemID)
	}
	return ids
}

func TestAnswer(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{})
	tests := []struct {
		msg      string
		kind     aftercare.Kind
		answers  []string
		contains string
	}{
		{"can I take a bath?", aftercare.KindAnswer, []string{"home.bath"}, "blocked drains"},
		{"how many drops of serum?", aftercare.KindAnswer, []string{"home.serum_application"}, "6–8 drops"},
		{"can I shower or should I take a bath?", aftercare.KindAnswer, []string{"home.shower", "home.bath"}, "Showering\nWhen you get home"},
		{"my lips are swelling and I can't breathe", aftercare.KindUrgent, nil, "seek medical attention"},
		{"hello", aftercare.KindSmalltalk, nil, "Ask me a question"},
		{"thanks", aftercare.KindSmalltalk, nil, "You're welcome"},
		{"bye", aftercare.KindSmalltalk, nil, "Take care"},
		{"what can you do?", aftercare.KindSmalltalk, nil, "Showering"},
		{"what's the weather tomorrow", aftercare.KindDecline, nil, "I don't have information on that"},
		{"", aftercare.KindDecline, nil, "Please type your question"},
		{"お風呂に入ってもいいですか", aftercare.KindDecline, nil, "only understand questions in English"},
		{"posso fare la doccia stasera?", aftercare.KindAnswer, []string{"home.shower"}, "I can only answer in English, so I've read your message as best I can"},
		{"quanto costa il trattamento e quando posso prenotare?", aftercare.KindDecline, nil, "only understand questions in English"},
		{strings.Repeat("can i take a bath tonight? ", 100), aftercare.KindAnswer, []string{"home.bath"}, "only read the first part"},
	}
	for _, tc := range tests {
		r := ask(s, tc.msg)
		text := r.PlainText()
		if r.Kind != tc.kind || !slices.Equal(answerIDs(r), tc.answers) || !strings.Contains(text, tc.contains) {
			t.Errorf("Answer(%.40q) = %s %v %q; want %s %v containing %q", tc.msg, r.Kind, answerIDs(r), text, tc.kind, tc.answers, tc.contains)
		}
	}
}

// TestOtherLanguageAnswerSaysSoFirst: the line about answering in English
// comes before the answer, not after it.
func TestOtherLanguageAnswerSaysSoFirst(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{})
	text := ask(s, "kann ich heute abend duschen").PlainText()
	intro, answer := strings.Index(text, "answer in English"), strings.Index(text, "When you get home")
	if intro < 0 || answer < 0 || intro > answer {
		t.Errorf("PlainText() = %q, want the English-only line, then the shower answer", text)
	}
}

func TestUrgentTextComesFirst(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{Name: "Glow Skin", Phone: "01234 567890"})
	r := ask(s, "can i have a bath? my throat feels tight")
	if r.Kind != aftercare.KindUrgent || r.Intent != "home.adverse_reaction" || len(r.RedFlags) == 0 {
		t.Fatalf("Answer = %+v, want urgent, filed under home.adverse_reaction", r)
	}
	if text := r.PlainText(); !strings.HasPrefix(text, "⚠️") || !strings.Contains(text, "contact your practitioner at Glow Skin on 01234 567890 now") {
		t.Errorf("PlainText() = %q, want the urgent text first, with the clinic's contact", text)
	}
}

// TestUrgentThenTheQuestion: a red flag in one part of a message and a
// question in another get the urgent text first, then the answer; a
// question about the sign itself gets the urgent text alone.
func TestUrgentThenTheQuestion(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{Name: "Glow Skin"})
	tests := []struct {
		msg     string
		answers []string
		after   string // in the text after the urgent text
	}{
		{"can i wash my face tonight? btw two of the spots are seeping", []string{"home.shower"}, "take a shower"},
		{"the spots are oozing a bit. how long should i wait before a bath?", []string{"home.bath"}, "blocked drains"},
		{"is redness normal? my lips are swelling up", nil, ""},
		{"my throat feels tight and is that normal?", nil, ""},
	}
	for _, tc := range tests {
		r := ask(s, tc.msg)
		text := r.PlainText()
		if r.Kind != aftercare.KindUrgent || !slices.Equal(answerIDs(r), tc.answers) || !strings.HasPrefix(text, r.Urgent) {
			t.Errorf("Answer(%q) = %s %v %q; want urgent, then %v", tc.msg, r.Kind, answerIDs(r), text, tc.answers)
			continue
		}
		if rest := strings.TrimPrefix(text, r.Urgent); !strings.Contains(rest, tc.after) || (tc.answers == nil && strings.TrimSpace(rest) != "") {
			t.Errorf("Answer(%q) after the urgent text = %q, want %q", tc.msg, rest, tc.after)
		}
	}
}

func TestCommandsAndChoices(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{Name: "Glow Skin"})
	tests := []struct {
		msg      aftercare.Inbound
		kind     aftercare.Kind
		intent   string
		contains string
	}{
		{aftercare.Inbound{Command: aftercare.CommandStart}, aftercare.KindSmalltalk, catalog.SmalltalkGreeting, "not a diagnosis"},
		{aftercare.Inbound{Command: aftercare.CommandHelp}, aftercare.KindSmalltalk, catalog.SmalltalkHelp, "Topics I know about"},
		{aftercare.Inbound{Command: aftercare.CommandTopics}, aftercare.KindTopics, catalog.SmalltalkHelp, "Baths"},
		{aftercare.Inbound{Command: aftercare.CommandShow, Text: "brui"}, aftercare.KindAnswer, "expect.bruising_swelling", "rare"},
		{aftercare.Inbound{Command: aftercare.CommandShow, Text: "home.bath"}, aftercare.KindAnswer, "home.bath", "blocked drains"},
		{aftercare.Inbound{Command: aftercare.CommandShow, Text: "qqqq"}, aftercare.KindDecline, "", "I don't have information"},
		{aftercare.Inbound{Choice: "home.bath"}, aftercare.KindAnswer, "home.bath", "blocked drains"},
		{aftercare.Inbound{Choice: "home.sauna"}, aftercare.KindDecline, "", "I don't have information"},
		{aftercare.Inbound{Choice: aftercare.ChoiceNone}, aftercare.KindDecline, "", "at Glow Skin"},
		{aftercare.Inbound{Choice: aftercare.ChoiceNoneOf("update:7")}, aftercare.KindDecline, "", "at Glow Skin"},
		{aftercare.Inbound{Command: aftercare.CommandForget}, aftercare.KindConfirm, "", "delete everything I keep about you"},
		{aftercare.Inbound{NonText: true, Text: "can I have a bath tonight"}, aftercare.KindAnswer, "home.bath", "can't look at photos"},
		{aftercare.Inbound{NonText: true}, aftercare.KindNonText, "", "only read text messages"},
		{aftercare.Inbound{Command: aftercare.CommandFailed}, aftercare.KindDecline, "", "I don't have information"},
		{aftercare.Inbound{Choice: aftercare.ChoiceForget}, aftercare.KindNotice, "", "I have deleted everything"},
		{aftercare.Inbound{Choice: aftercare.ChoiceForgetCancel}, aftercare.KindNotice, "", "nothing was deleted"},
	}
	for _, tc := range tests {
		r := s.Answer(context.Background(), tc.msg)
		if r.Kind != tc.kind || r.Intent != tc.intent || !strings.Contains(r.PlainText(), tc.contains) {
			t.Errorf("Answer(%+v) = %s %q %q; want %s %q containing %q", tc.msg, r.Kind, r.Intent, r.PlainText(), tc.kind, tc.intent, tc.contains)
		}
	}
	if n := s.Items(); n != 14 {
		t.Errorf("Items() = %d, want 14", n)
	}
}

// TestWhyExplains: staff's "why" gets the matcher's trace of the question,
// the same text as Matcher.Explain.
func TestWhyExplains(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{})
	q := "can i take a bahth tonite"
	r := s.Answer(context.Background(), aftercare.Inbound{Command: aftercare.CommandWhy, Text: q})
	want := fixture.Matcher(t).Explain(q).String()
	if r.Kind != aftercare.KindExplain || r.Text != want {
		t.Errorf("Answer(why %q) = %s %q, want explain %q", q, r.Kind, r.Text, want)
	}
	for _, line := range []string{"corrected: bahth → bath", "result: answer home.bath"} {
		if !strings.Contains(r.Text, line) {
			t.Errorf("Answer(why %q) = %q, want a line %q", q, r.Text, line)
		}
	}
}

func TestNonText(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{})
	r := s.Answer(context.Background(), aftercare.Inbound{NonText: true})
	if r.Kind != aftercare.KindNonText || !strings.Contains(r.PlainText(), "I can only read text messages") {
		t.Errorf("Answer(photo) = %+v", r)
	}
}

func TestClinicDetailsFillTheTexts(t *testing.T) {
	tests := []struct {
		clinic catalog.Clinic
		want   string
	}{
		{catalog.Clinic{}, "please contact your practitioner."},
		{catalog.Clinic{Name: "Glow Skin"}, "please contact your practitioner at Glow Skin."},
		{catalog.Clinic{Name: "Glow Skin", Phone: "020 7946 0000"}, "please contact your practitioner at Glow Skin on 020 7946 0000."},
	}
	for _, tc := range tests {
		text := fixture.Service(t, tc.clinic).Decline().PlainText()
		if !strings.Contains(text, tc.want) || strings.Contains(text, "{") {
			t.Errorf("Decline() with %+v = %q, want it to contain %q", tc.clinic, text, tc.want)
		}
	}
}

func TestWelcomeHelpAndTopics(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{Name: "Glow Skin"})
	if w := s.Answer(context.Background(), aftercare.Inbound{Command: aftercare.CommandStart}).PlainText(); !strings.Contains(w, "general aftercare information, not a diagnosis") || !strings.Contains(w, "Glow Skin") {
		t.Errorf("welcome = %q", w)
	}
	help := s.Answer(context.Background(), aftercare.Inbound{Command: aftercare.CommandHelp}).PlainText()
	secs := s.Sections()
	if len(secs) != 2 || secs[0].Name != catalog.SectionExpect || len(secs[0].Items)+len(secs[1].Items) != 14 {
		t.Fatalf("Sections() = %+v, want 14 topics in the sheet's two sections", secs)
	}
	for _, sec := range secs {
		for _, it := range sec.Items {
			if !strings.Contains(help, it.Title) {
				t.Errorf("Help() lacks topic %q", it.Title)
			}
		}
	}
}

func TestClarifyOffersOptionsAndNoneOfThese(t *testing.T) {
	c := fixture.Catalog(t)
	// An answer threshold nobody reaches turns every match into a question.
	s := reply.New(c, fixture.MatcherWith(t, c, intents.Thresholds{Decline: 0.3, Answer: 1.01, Margin: 0.2}), catalog.Clinic{})
	r := ask(s, "can i have a bath")
	if r.Kind != aftercare.KindClarify || len(r.Options) == 0 || r.Options[0].Choice != "home.bath" || r.Options[0].Title != "Baths" || r.NoneOfThese != "None of these" {
		t.Fatalf("Answer = %+v, want a clarify offering Baths", r)
	}
	if text := r.PlainText(); !strings.Contains(text, "Did you mean") || !strings.Contains(text, "1. Baths") || !strings.Contains(text, "2. None of these") {
		t.Errorf("PlainText() = %q", text)
	}
	// None of these names the message it answers, where it has an ID.
	for _, tc := range []struct{ delivery, want string }{{"", aftercare.ChoiceNone}, {"update:7", "none:update:7"}} {
		r := s.Answer(context.Background(), aftercare.Inbound{DeliveryID: tc.delivery, Text: "can i have a bath"})
		if got := r.NoneOfTheseChoice(); got != tc.want {
			t.Errorf("Answer(delivery %q).NoneOfTheseChoice() = %q, want %q", tc.delivery, got, tc.want)
		}
	}
}

// TestReloadIsAtomic answers while content is swapped back and forth: every
// reply must come wholly from one version.
func TestReloadIsAtomic(t *testing.T) {
	oldCat := fixture.Catalog(t)
	newCat := fixture.Catalog(t)
	newCat.Items = slices.Clone(newCat.Items)
	for i := range newCat.Items {
		if newCat.Items[i].ID == "home.bath" {
			newCat.Items[i].Answer = "NEW bath answer."
			newCat.Items[i].Title = "NEW Baths"
		}
	}
	mOld, _ := intents.New(oldCat)
	mNew, _ := intents.New(newCat)
	s := reply.New(oldCat, mOld, catalog.Clinic{})

	// Four readers ask without pause while the content is swapped six
	// times; after each swap the test waits until the readers have read
	// again, and a read after the swap returns must see the new version.
	stop := make(chan struct{})
	var reads atomic.Int64
	var readers sync.WaitGroup
	for range 4 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				a := ask(s, "can i take a bath").Answers[0]
				if strings.HasPrefix(a.Title, "NEW") != strings.HasPrefix(a.Text, "NEW") {
					t.Errorf("reply mixes versions: %+v", a)
				}
				reads.Add(1)
			}
		}()
	}
	waitReads := func() {
		for n := reads.Load(); reads.Load() < n+8; {
			runtime.Gosched()
		}
	}
	waitReads()
	for n := range 6 {
		cat, m, want := oldCat, mOld, false
		if n%2 == 0 {
			cat, m, want = newCat, mNew, true
		}
		s.Reload(cat, m, catalog.Clinic{})
		if got := strings.HasPrefix(ask(s, "can i take a bath").Answers[0].Text, "NEW"); got != want {
			t.Errorf("after reload %d a read saw the new content: %v, want %v", n, got, want)
		}
		waitReads()
	}
	close(stop)
	readers.Wait()
}

// Without the care team, /human and /privacy get the help text.
func TestCareCommandsWithoutTheTeam(t *testing.T) {
	svc := fixture.Service(t, catalog.Clinic{})
	for _, cmd := range []string{aftercare.CommandHuman, aftercare.CommandPrivacy} {
		if got := svc.Answer(t.Context(), aftercare.Inbound{Command: cmd}); got.Intent != catalog.SmalltalkHelp {
			t.Errorf("Answer(/%s) = %+v, want the help", cmd, got)
		}
	}
}
