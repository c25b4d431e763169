package telegram_test

import (
	"strconv"
	"testing"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
)

// A contact message reaches the Handler as a non-text message carrying
// the phone number, and whether it is the sender's own.
func TestContactInbound(t *testing.T) {
	fake := newFake(t, token)
	h := &replying{bot: echo{}}
	b := startHandler(t, fake, h, h.adapter.Store, nil)
	<-b.ready
	fake.Push(telegramtest.Contact(63, 63, "447700900123"))   // the button: their own
	fake.Push(telegramtest.Contact(63, 64, "+447700900999"))  // someone else's
	fake.Push(telegramtest.Contact(63, 0, "+44 7700 900000")) // a contact without Telegram
	waitSent(t, fake, 63, 3)
	want := []aftercare.Contact{{Phone: "447700900123", Own: true}, {Phone: "+447700900999"}, {Phone: "+44 7700 900000"}}
	for i, in := range h.inbounds() {
		if in.Contact == nil || *in.Contact != want[i] || !in.NonText || in.Text != "" {
			t.Errorf("contact %d: Inbound = %+v with contact %+v, want non-text with %+v", i, in, in.Contact, want[i])
		}
	}
}

// The button that shares the phone number is a one-time reply keyboard
// with request_contact; RemoveContactButton takes it away; inline buttons
// come first when a message has both.
func TestContactKeyboards(t *testing.T) {
	fake := newFake(t, token)
	b := start(t, fake, echo{}, nil)
	<-b.ready
	share := "Share my phone number so the clinic team can call you"
	tests := []struct {
		name   string
		msg    aftercare.Outgoing
		markup string
	}{
		{"the button", aftercare.Outgoing{Kind: aftercare.KindNotice, Text: "told", ContactButton: share},
			`{"keyboard":[[{"text":"` + share + `","request_contact":true}]],"resize_keyboard":true,"one_time_keyboard":true}`},
		{"its removal", aftercare.Outgoing{Kind: aftercare.KindNotice, Text: "thanks", RemoveContactButton: true},
			`{"remove_keyboard":true}`},
		{"after options", aftercare.Outgoing{Kind: aftercare.KindConfirm, Text: "sure?", ContactButton: share,
			Options: []aftercare.Option{{Choice: "forget:yes", Title: "Yes"}}},
			`{"inline_keyboard":[[{"text":"Yes","callback_data":"choose:forget:yes"}]]}`},
		{"none", aftercare.Outgoing{Kind: aftercare.KindNotice, Text: "plain"}, ""},
	}
	for i, tt := range tests {
		chat := int64(70 + i)
		if _, err := b.adapter.Send(t.Context(), aftercare.Address{Platform: aftercare.Telegram, Chat: strconv.FormatInt(chat, 10)}, tt.msg); err != nil {
			t.Fatalf("%s: Send: %v", tt.name, err)
		}
		if got := fake.SentTo(chat)[0].Markup; got != tt.markup {
			t.Errorf("%s: reply_markup = %s, want %s", tt.name, got, tt.markup)
		}
	}
}
