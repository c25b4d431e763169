package intents_test

import (
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/clinicbot/aftercare/internal/fixture"

	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/intents"
)

type matchCase struct {
	msg  string
	want string // expected intent ("" for a decline)
}

func runCases(t *testing.T, m *intents.Matcher, cases []matchCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.msg, func(t *testing.T) {
			r := m.Match(tc.msg)
			if r.Intent != tc.want {
				t.Errorf("Match(%q) = %q (%s, %.2f), want %q", tc.msg, r.Intent, r.Kind, r.Score, tc.want)
			}
		})
	}
}

func TestMatchNormalisation(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"can I take a bath?", "home.bath"},
		{"CAN I TAKE A BATH???", "home.bath"},
		{"  can i take a bath  ", "home.bath"},
		{"can i take a bath 🛁🛁", "home.bath"},
		{"face sooo itchy 😩", "expect.itching"},
		{"itchyyyy!!!", "expect.itching"},
		{"can’t I have a bath tonight?", "home.bath"},
		{"why can't i have a bath", "home.bath"},
		{"why cant i have a bath", "home.bath"},
		{"can i wear makeup tonight", "home.products"},
		{"can i wear make-up tonight", "home.products"},
		{"can i put my moisturiser on", "home.products"},
		{"can i put my moisturizer on", "home.products"},
		{"is my skins colour normal, its so red", "expect.redness"},
		{"shower 2nite?", "home.shower"},
		{"bath tonight ok?", "home.bath"},
		{"ok tonight, bath?", "home.bath"},
		// emoji: a variation selector is no word; a skin tone alone is the
		// writer's skin, after an emoji only its colour
		{"☀️ ok tomorrow for my face?", "expect.sun_sensitivity"},
		{"i'm 🏿, will i see the redness", "expect.darker_skin"},
		{"face is a proper 🍅", "expect.redness"},
		// a shift at work is a known word, not an unknown one that
		// lowers the confidence
		{"bath after my late shift ok?", "home.bath"},
	})
}

// Acne scars named as what was treated are the treatment, not spots.
func TestMatchAcneScarsAsTheTreatment(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"my forehead is flaking after the acne scar treatment", "expect.dryness"},
		{"had my acne scars done, is the sun ok at the weekend?", "expect.sun_sensitivity"},
		{"I had it done for acne scars and now there are little whiteheads on my chin", "expect.pustules"},
	})
}

// Two items with equal evidence: the one the question asks for comes first,
// not the one the writer would go without.
func TestMatchPrefersWhatIsAskedFor(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"the shower is hard for me to stand in. could I have a bath?", "home.bath"},
		{"am i ok to have a bath instead of the shower", "home.bath"},
		{"i do not have a shower, only a bath", "home.bath"},
		{"bath? no. but can i have a shower tonight?", "home.shower"},
		{"my gran struggles in the shower, may she have a bath?", "home.bath"},
		{"our shower is broken this week, is a quick bath alright?", "home.bath"},
		{"how come a shower is fine but a bath isn't?", "home.bath"},
		{"the bath is broken, can i shower tonight?", "home.shower"},
		{"does the serum go on after my shower?", "home.serum_application"},
	})
}

// TestMatchRoutineGivesWay: what the writer says they keep doing is not
// what they ask about, unless they ask about it.
func TestMatchRoutineGivesWay(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"my forehead is peeling loads, I've been using the serum twice a day, is that normal?", "expect.dryness"},
		{"been applying the serum every morning and night like you said, but now my chin itches, normal?", "expect.itching"},
		{"I've been doing everything right, serum twice a day, no makeup, yet there are whiteheads on my cheek", "expect.pustules"},
		{"I've been using the serum twice a day, how many drops should I use?", "home.serum_application"},
		{"have I been doing the serum right? I use 3 drops", "home.serum_application"},
	})
}

func TestMatchMisspellings(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"can i have a bahth", "home.bath"},
		{"is it normal to be itchey", "expect.itching"},
		{"can i have a hot showr", "home.shower"},
		{"shwoer tonight?", "home.shower"},
		{"how long will the redniss last", "expect.redness"},
		{"is brusing normal", "expect.bruising_swelling"},
		{"how offen do i use the seruum", "home.serum_application"},
		{"few tiny pustles on my chin", "expect.pustules"},
		{"can i use my clenser", "home.products"},
		{"my skin feels dehidrated", "expect.dryness"},
		{"can i take a shwr", "home.shower"},
	})
}

func TestMatchInflections(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"it's starting to itch", "expect.itching"},
		{"my face is itchy", "expect.itching"},
		{"the itching is awful", "expect.itching"},
		{"so much itchiness", "expect.itching"},
		{"my face is redder than my neck", "expect.redness"},
		{"i feel tighter than usual", "expect.tightness"},
		{"skin is peeling", "expect.dryness"},
		{"my skin peeled a bit", "expect.dryness"},
	})
}

func TestMatchSynonyms(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"can i get in the tub", "home.bath"},
		{"can i have a long soak", "home.bath"},
		{"can i put foundation on tonight", "home.products"},
		{"can i use my cleanser before bed", "home.products"},
		{"is micellar water ok", "home.products"},
		{"can i wear sunscreen", "home.products"},
		{"got some pimples on my chin", "expect.pustules"},
		{"little spots on my forehead", "expect.pustules"},
		{"whiteheads appeared overnight", "expect.pustules"},
		{"small bumps on my cheeks", "expect.pustules"},
		{"my cheeks are sore", "expect.tenderness"},
		{"it hurts to touch my face", "expect.tenderness"},
		{"purple mark on my jaw", "expect.bruising_swelling"},
		{"my face feels like sandpaper", "expect.dryness"},
		{"i look like i've been slapped", "expect.redness"},
		{"can't stop scratching my chin", "expect.itching"},
		{"spots on chin", "expect.pustules"},
		{"had a steaming hot shower, is that bad", "home.shower"},
		{"tight feeling since the appointment this arvo", "expect.tightness"},
		{"is this side effect normal? my face is itching", "expect.itching"},
		{"dark skin, will i go red?", "expect.darker_skin"},
		{"i have quite dark skin and very little redness, is aftercare different", "expect.darker_skin"},
		{"i have dark skin, is the aftercare the same", "expect.darker_skin"},
		{"how many drops of serum", "home.serum_application"},
		{"who do i contact if something goes wrong", "home.adverse_reaction"},
		// Everyday words, brands and lay descriptions.
		{"bits of dead skin on my nose", "expect.dryness"},
		{"loads of tiny dots on my forehead", "expect.pustules"},
		{"slight oedema under the eyes", "expect.bruising_swelling"},
		{"i'm a brown skinned woman, will i see redness", "expect.darker_skin"},
		{"can i wear my charlotte tilbury tomorrow", "home.products"},
		{"cheeks feel tite", "expect.tightness"},
		{"a bit sore round the beard area", "expect.tenderness"},
		{"it prickles in the sunlight", "expect.sun_sensitivity"},
		{"my forehead prickles when I'm out in the sunshine", "expect.sun_sensitivity"},
		// Whom to contact, in patients' words.
		{"if sth unexpected happens at the weekend who do i text", "home.adverse_reaction"},
		{"who should I get in touch with if anything unexpected comes up?", "home.adverse_reaction"},
		// Clinical words for the expected signs.
		{"some pruritus on my cheeks, expected?", "expect.itching"},
		{"a little xerosis round the mouth since yesterday", "expect.dryness"},
		{"desquamating a bit on my chin, fine?", "expect.dryness"},
		{"tiny ecchymoses near my temple", "expect.bruising_swelling"},
		// Someone else's sign after their own treatment is about reactions.
		{"my sister came out in blisters after her session, could that happen to me", "home.adverse_reaction"},
		{"my cousin got an infection after his, should i worry", "home.adverse_reaction"},
		{"my cheeks are like a lobster", "expect.redness"},
		{"is a face mask ok tonight", "home.products"},
		{"is it ok to get my face wet tonight", "home.shower"},
		{"i've run out of serum, help", "home.serum_application"},
		{"hurts a little when i laugh", "expect.tenderness"},
		{"should i wear a hat tomorrow", "expect.sun_sensitivity"},
		// An activity that only says when does not sink the question; asked
		// about for itself, it is declined.
		{"can i rinse off in the shower post workout", "home.shower"},
		{"can i go to the gym after my shower", ""},
	})
}

func TestMatchDeclines(t *testing.T) {
	m := fixture.Matcher(t)
	cases := []struct {
		msg    string
		reason intents.Reason
	}{
		{"", intents.ReasonEmpty},
		{"   \t ", intents.ReasonEmpty},
		{"?!.", intents.ReasonEmpty},
		{"can i go to the sauna tomorrow", intents.ReasonOutOfScope},
		{"can i drink wine tonight", intents.ReasonOutOfScope},
		// Shopping advice and plans beyond the aftercare weeks.
		{"which brand of concealer is best for rosacea", intents.ReasonOutOfScope},
		{"what's your fave primer", intents.ReasonOutOfScope},
		{"is bioderma better for acne than cetaphil", intents.ReasonOutOfScope},
		{"are collagen drinks worth it for skin", intents.ReasonOutOfScope},
		{"how many session do i need for my stretch marks to go", intents.ReasonOutOfScope},
		{"when can i start my retinol again, next week?", intents.ReasonOutOfScope},
		{"what is the capital of france", intents.ReasonUnknown},
		{"how do i get red wine out of a carpet", intents.ReasonUnknown},
		{"when should i get the oil changed in my car", intents.ReasonUnknown},
		{"how do i apply for a credit card", intents.ReasonUnknown},
		{"お風呂に入ってもいいですか", intents.ReasonOtherLanguage},
		{"можно ли мне принять ванну", intents.ReasonOtherLanguage},
		// Read through the glossary, but about no one item clearly.
		{"quanto costa il trattamento e quando posso prenotare?", intents.ReasonOtherLanguage},
		{"merci beaucoup pour tout, à bientôt", intents.ReasonOtherLanguage},
		// Tagalog, which the detector takes for English: stems.txt reads it.
		{"masakit po ang mukha ko", intents.ReasonOtherLanguage},
		// A sign the message says has nothing to do with the treatment.
		{"got a bump on my forehead from a cupboard door, nothing to do with the treatment, it's just sore", intents.ReasonUnknown},
	}
	for _, tc := range cases {
		r := m.Match(tc.msg)
		if r.Kind != intents.KindDecline || r.Intent != "" || r.Reason != tc.reason {
			t.Errorf("Match(%q) = %s %q reason %q, want decline with reason %q", tc.msg, r.Kind, r.Intent, r.Reason, tc.reason)
		}
	}
}

// A message in another language that the glossary reads clearly as one
// item is answered (in English), and says which language it was read from.
func TestMatchAnswersOtherLanguagesItReadsClearly(t *testing.T) {
	m := fixture.Matcher(t)
	cases := []struct{ msg, want, lang string }{
		{"puis je prendre un bain", "home.bath", "French"},
		{"posso fare il bagno stasera?", "home.bath", "Italian"},
		{"kann ich heute abend duschen", "home.shower", "German"},
		{"¿Cuántas gotas de sérum tengo que usar?", "home.serum_application", "Spanish"},
	}
	for _, tc := range cases {
		r := m.Match(tc.msg)
		if r.Kind != intents.KindAnswer || r.Intent != tc.want || r.Language != tc.lang || r.Urgent {
			t.Errorf("Match(%q) = %s %q in %q (urgent %v), want answer %q in %q", tc.msg, r.Kind, r.Intent, r.Language, r.Urgent, tc.want, tc.lang)
		}
	}
	if r := m.Match("can i have a bath tonight"); r.Language != "" {
		t.Errorf("an English message has Language %q, want none", r.Language)
	}
}

func TestMatchSmalltalk(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"hello", catalog.SmalltalkGreeting},
		{"Hi there!", catalog.SmalltalkGreeting},
		{"hello is anyone there", catalog.SmalltalkGreeting},
		{"thanks!", catalog.SmalltalkThanks},
		{"thank you so much", catalog.SmalltalkThanks},
		{"👍", catalog.SmalltalkThanks},
		{"bye", catalog.SmalltalkGoodbye},
		{"what can you do?", catalog.SmalltalkHelp},
		{"help", catalog.SmalltalkHelp},
		{"hi, can i have a bath tonight?", "home.bath"},
		{"thanks, and can i shower?", "home.shower"},
	})
}

func TestMatchRedFlags(t *testing.T) {
	m := fixture.Matcher(t)
	cases := []struct {
		msg    string
		urgent bool
	}{
		{"i have a fever", true},
		{"feeling shivery and got chills", true},
		{"there's pus coming out of a spot", true},
		{"my cheek is oozing", true},
		{"the redness is spreading down my neck", true},
		{"red streaks going towards my ear", true},
		{"the swelling is getting worse", true},
		{"pain is getting worse every day", true},
		{"i've come out in hives", true},
		{"a rash is spreading all over my neck", true},
		{"my lips are swelling up", true},
		{"my throat feels tight", true},
		{"i can't breathe properly", true},
		{"it's hard to breathe", true},
		{"i have blisters on my forehead", true},
		{"i feel dizzy", true},
		{"i fainted this morning", true},
		{"my vision is blurry", true},
		{"temperature of 38.5 today", true},
		// Negated: not urgent.
		{"no fever, just a bit red", false},
		{"not swollen anymore", false},
		{"no pus, just some small spots", false},
		{"swelling is not getting worse", false},
		{"the fever has gone", false},
		// Hypothetical: not urgent, filed under the adverse-reaction item.
		{"what should i do if i get a fever", false},
		{"what if my lips swell", false},
		// Ordinary symptoms: not urgent.
		{"my face is red and warm", false},
		{"a little swollen under my eyes", false},
		{"it hurts a little", false},
		{"skin feels tight", false},
		{"what temperature should the shower be", false},
		{"i take antihistamines for hay fever", false},
		{"seeing flashes in my eye since the session", true},
		{"my eyes are more swollen than yesterday", true},
		{"can't really breathe properly", true},
		{"can i hurt my credit rating if i open several cards", false},
		// Kinds of sign told in lay words.
		{"bleeding won't stop", true},
		{"my vision's gone fuzzy", true},
		{"feel like i'm getting the flu", true},
		{"little water bubbles on my cheek", true},
		{"can't open my eye properly", true},
		{"the red bit is bigger than yesterday and hot", true},
		{"green stuff coming out of my chin", true},
		{"cold sore came up on my lip", true},
		{"theres like a red streak going down my neck from where she did it??", true},
		{"feel all shivery and my head is swimming since i got back", true},
		{"I think it's got infected", true},
		{"pretty sure I'm reacting to the serum", true},
		{"light hurts my eyes", true},
		{"something's seeping from the spots", true},
		{"it's probably fine but my lips feel huge", true},
		// A sign in one clause of a long message.
		{"can i wash my face tonight? btw two of the spots are seeping", true},
		// Someone else's, past, general, another cause, negated lists.
		{"my son has a fever", false},
		{"my daughter's got blisters from nursery", false},
		{"my son is poorly but now i have a fever myself", true},
		{"i had hives years ago, is that a problem", false},
		{"how common are blisters after microneedling", false},
		{"fever from a cold, can i still come for my next session", false},
		{"what does cellulitis look like?", false},
		{"no pus, no fever, nothing spreading, just pink", false},
		{"the swelling has gone", false},
		{"i had a fever before my treatment but it's gone now", false},
		{"got a cold sore flare up", true},
		{"the pink area has doubled in size since this morning", true},
		{"came out in lumps all over my arms after the serum", true},
		{"blood keeps dripping from one spot", true},
		{"red: yes. oozing: no. fever: no. is the red ok?", false},
		{"the pain's gone from a 4 to a 9 overnight", true},
		{"its so hard to breth", true},
		{"short of breth", true},
		{"i'm going to a red wine tasting", false},
		{"my face is pumped up and getting bigger by the hour", true},
		{"mi cara está hinchada y me cuesta respirar", true},
		// Worsening told by comparison with earlier days.
		{"the redness is angrier than it was this morning", true},
		{"every day it looks redder", true},
		{"my cheeks get puffier day by day", true},
		{"it had settled but today it's hotter and angrier", true},
		{"the soreness is worse not better", true},
		{"it's no worse than yesterday", false},
		{"the swelling is better than yesterday", false},
		// Swelling of the eyes or face told by its effect or its size.
		{"my eyelids puffed up overnight", true},
		{"face blew up like a balloon", true},
		{"a little puffy round the eyes", false},
		// Feeling unwell, and signs in medical words.
		{"i feel so poorly since the needling", true},
		{"feeling disorientated and spaced out", true},
		{"some exudate on the chin", true},
		// A comparison is not a cause nor someone else's sign.
		{"lips tight like someone stuffed cotton wool in them", true},
		{"my throat feels swollen as if i had a cold", true},
		// The past, unless the present comes back.
		{"had a fever last week, fine now", false},
		{"treated last week and now there's pus", true},
		// Another language: no spelling correction into red-flag words, but
		// its own words for them count.
		{"puis je prendre un bain", false},
		{"j'ai de la fièvre depuis hier soir", true},
		{"tengo los labios hinchados", true},
		// Telegraphic and vivid: the verb, not the noun.
		{"cheeks burning", true},
		{"eyelids swelling", true},
		{"a little swelling round my eyes", false},
		{"my lid's gone like a golf ball, can barely open it", true},
		{"jaw feels warm and it's pulsing", true},
		{"lids puffy and itching like hay fever allergy gone mad", true},
		// An answer after its own question; a question left open.
		{"pus? no. heat? no. just tight", false},
		{"is that pus? no clue", true},
		// Someone else's without "my"; an object of a preposition is not.
		{"hubby has a fever so i'm on my own with the kids, can i shower", false},
		{"went shopping for the kids and suddenly felt faint", true},
		// Another cause: nerves, the dentist, a cold house.
		{"i passed out at the doctors as a teenager, can i wash my face", false},
		{"shivering in the house, heating is off again", false},
		{"feel faint with nerves before my flight", false},
		// Other languages read through the glossary: their red flags count,
		// their negations too, and nothing else is answered.
		{"ik heb koorts sinds gisteren", true},
		{"twarz mi spuchła i nie mogę oddychać", true},
		{"am febră de ieri și mă doare fața", true},
		{"o rosto está cheio de bolhas", true},
		{"nie mam gorączki, tylko trochę czerwona skóra", false},
		{"peux-je me doucher ce soir", false},
		// Vivid and telegraphic signs.
		{"forehead on fire", true},
		{"lips ballooning", true},
		{"chin is hot to the touch and sore", true},
		{"my entire face has puffed up", true},
		{"goopy eyes this morning", true},
		{"swollen glands in my neck", true},
		{"the spots smell rotten", true},
		// A reason other than the treatment, general questions, the past.
		{"teeth chattering because the flat has no heating", false},
		{"i'm allergic to pollen, is the serum ok", false},
		{"got blisters on my heels from new boots, can i use the serum", false},
		{"are blisters common after microneedling", false},
		{"lips swelling up because of the serum", true},
		{"i thought it was infected but it looks fine today", false},
		{"my left cheek is way puffier than the other", true},
		{"can hardly breathe", true},
		{"i can barely see, everything is smeared", true},
		{"the ache kept me awake all night", true},
		{"lids almost shut when i woke up", true},
		{"skin feels like it is burning from the inside", true},
		{"cheeks puffing up by the minute", true},
		{"how would i know if it had got infected", false},
		{"what would blisters look like", false},
		{"dizzy because of the pain", true},
	}
	for _, tc := range cases {
		r := m.Match(tc.msg)
		if r.Urgent != tc.urgent {
			t.Errorf("Match(%q).Urgent = %v (flags %v), want %v", tc.msg, r.Urgent, r.RedFlags, tc.urgent)
		}
		if r.Urgent && (r.Intent != "home.adverse_reaction" || len(r.RedFlags) == 0 || r.Kind != intents.KindAnswer) {
			t.Errorf("Match(%q) = %+v, want an answer filed under home.adverse_reaction naming its red flags", tc.msg, r)
		}
	}
	for _, msg := range []string{"what should i do if i get a fever", "what if my lips swell", "what should i do if i break out in hives?"} {
		if r := m.Match(msg); r.Intent != "home.adverse_reaction" {
			t.Errorf("Match(%q) = %q, want home.adverse_reaction", msg, r.Intent)
		}
	}
}

func TestMatchUnderstandsWhatIsNotUrgent(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"no fever just red", "expect.redness"},
		{"no pus, no fever, nothing spreading, just pink", "expect.redness"},
		{"can i go red wine tasting tonight", ""},
		{"what isn't normal after this?", "home.adverse_reaction"},
		{"what should i look out for in the first days?", "home.adverse_reaction"},
		{"should i stop my retinol before the appointment?", ""},
		{"do i need numbing cream?", ""},
		{"can i use cerave tonight", "home.products"},
		{"is salicylic acid ok", "home.products"},
		{"can i use tanning drops", "home.products"},
		{"can i put steroid cream on", "home.products"},
		{"my face looks weird and it's getting worse", "home.adverse_reaction"},
		{"🚿 tonight ok?", "home.shower"},
		{"what are the red flags i should look out for", "home.adverse_reaction"},
		{"can i use my snail essence at bedtime", "home.products"},
		// An out-of-scope topic told in passing in another clause does not
		// sink the question; one asked about still declines.
		{"went to the gym yesterday, all fine. can i shower tonight", "home.shower"},
		{"had botox last month, anyway how often do i use the serum", "home.serum_application"},
		{"can i go swimming? my skin is still a bit red", ""},
		{"is a sauna ok, my face is still red", ""},
		{"can i go to the sauna tonight", ""},
		{"nicked a bit during the session but it's fine, can i wash my hair in the shower?", "home.shower"},
		// What the sheet does not cover: ingredients, statistics, suitability,
		// the procedure itself, results.
		{"are the ingredients in the serum natural", ""},
		{"what percentage of people get an infection", ""},
		{"is microneedling safe for me if i have eczema", ""},
		{"will i feel faint during the procedure", ""},
		{"will it fix my open pores", ""},
	})
}

func TestMatchUrgentOutranksEverything(t *testing.T) {
	m := fixture.Matcher(t)
	r := m.Match("can i have a bath? also my throat feels tight and i can't breathe")
	if !r.Urgent || r.Intent != "home.adverse_reaction" {
		t.Fatalf("Match = %+v, want urgent home.adverse_reaction", r)
	}
	if !slices.Equal(r.Items, []string{"home.adverse_reaction"}) {
		t.Errorf("Items = %v, want only home.adverse_reaction: no reassuring item may follow a red flag", r.Items)
	}
}

// TestMatchUrgentCarriesTheQuestionAskedApart: the items of a question
// asked in another clause than the red flag come with the urgent result;
// never an item that says a sign is to be expected, nor the red-flag item.
func TestMatchUrgentCarriesTheQuestionAskedApart(t *testing.T) {
	m := fixture.Matcher(t)
	cases := []struct {
		msg  string
		want []string
	}{
		{"can i wash my face tonight? btw two of the spots are seeping", []string{"home.shower"}},
		{"there's yellow gunk on my cheek, can i still put the serum on", []string{"home.serum_application"}},
		{"i feel shivery and hot. shower ok tonight?", []string{"home.shower"}},
		{"my lips are swelling up and i'm worried", nil},
		{"is this redness normal? the spots are oozing", nil},
		{"my throat is tight, is tightness normal?", nil},
		{"what should i do? my face is swelling up more every hour", nil},
		{"I take a bath every night and now I have a fever", nil},
	}
	for _, tc := range cases {
		r := m.Match(tc.msg)
		if !r.Urgent || !slices.Equal(r.Items, []string{"home.adverse_reaction"}) || !slices.Equal(r.Asked, tc.want) {
			t.Errorf("Match(%q) = urgent %v, items %v, asked %v; want urgent, home.adverse_reaction, asked %v",
				tc.msg, r.Urgent, r.Items, r.Asked, tc.want)
		}
	}
	if r := m.Match("can i have a bath tonight?"); r.Asked != nil {
		t.Errorf("Match(no red flag).Asked = %v, want none", r.Asked)
	}
}

func TestMatchCompound(t *testing.T) {
	m := fixture.Matcher(t)
	cases := []struct {
		msg  string
		want []string
	}{
		{"can I shower or should I take a bath?", []string{"home.shower", "home.bath"}},
		{"red and itchy is this ok", []string{"expect.redness", "expect.itching"}},
		{"skin feels dry and tight", []string{"expect.dryness", "expect.tightness"}},
		{"should i wear sunscreen", []string{"home.products", "expect.sun_sensitivity"}},
	}
	for _, tc := range cases {
		r := m.Match(tc.msg)
		got := slices.Clone(r.Items)
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if r.Kind != intents.KindAnswer || !slices.Equal(got, want) {
			t.Errorf("Match(%q) = %s %v, want answer %v", tc.msg, r.Kind, r.Items, tc.want)
		}
	}
}

func TestSpellerLeavesRealWordsAlone(t *testing.T) {
	m := fixture.Matcher(t)
	for _, msg := range []string{"turn on the light", "what is the path to the station", "i need to do my math homework", "is it a good night for a walk to the tower"} {
		if r := m.Match(msg); r.Intent != "" && r.Kind != intents.KindSmalltalk {
			t.Errorf("Match(%q) = %q, want a decline: real words must not be corrected into topics", msg, r.Intent)
		}
	}
}

func TestMatchTruncatesHugeMessages(t *testing.T) {
	m := fixture.Matcher(t)
	huge := repeat("can i take a bath tonight? ", 5000)
	r := m.Match(huge)
	if !r.Truncated {
		t.Errorf("Match(huge).Truncated = false, want true")
	}
	if r.Intent != "home.bath" {
		t.Errorf("Match(huge) = %q, want home.bath from its beginning", r.Intent)
	}
}

func repeat(s string, n int) string {
	b := make([]byte, 0, len(s)*n)
	for i := 0; i < n; i++ {
		b = append(b, s...)
	}
	return string(b)
}

func TestMatchIsSafeForConcurrentUse(t *testing.T) {
	m := fixture.Matcher(t)
	msgs := []string{"can i take a bath", "face sooo itchy", "i have a fever", "hello", "what is the weather"}
	want := make([]intents.Result, len(msgs))
	for i, msg := range msgs {
		want[i] = m.Match(msg)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				k := i % len(msgs)
				if got := m.Match(msgs[k]); got.Intent != want[k].Intent || got.Score != want[k].Score {
					t.Errorf("concurrent Match(%q) = %q %.3f, want %q %.3f", msgs[k], got.Intent, got.Score, want[k].Intent, want[k].Score)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// checkResult asserts the invariants every Result keeps.
func checkResult(t *testing.T, msg string, r intents.Result) {
	t.Helper()
	fail := func(why string) { t.Fatalf("Match(%q) = %+v: %s", msg, r, why) }
	if r.Score < 0 || r.Score > 1 {
		fail("score outside 0..1")
	}
	if len(r.Alternatives) > 3 {
		fail("more than 3 alternatives")
	}
	for _, a := range r.Alternatives {
		if a.Intent == "" || a.Intent == r.Intent || a.Score < 0 || a.Score > 1 {
			fail("bad alternative")
		}
	}
	switch r.Kind {
	case intents.KindAnswer:
		if r.Intent == "" || len(r.Items) == 0 || r.Items[0] != r.Intent {
			fail("an answer needs an intent that leads its items")
		}
	case intents.KindClarify:
		if r.Intent == "" || len(r.Items) != 0 || len(r.Options()) == 0 {
			fail("a clarify result needs options and no items")
		}
	case intents.KindDecline:
		if r.Intent != "" || len(r.Items) != 0 || r.Urgent {
			fail("a decline has no intent")
		}
	case intents.KindSmalltalk:
		if len(r.Items) != 0 || len(r.Intent) < len("smalltalk.") || r.Intent[:len("smalltalk.")] != "smalltalk." {
			fail("small talk needs a smalltalk.* intent")
		}
	default:
		fail("unknown kind")
	}
}

func FuzzMatch(f *testing.F) {
	m := fixture.Matcher(f)
	for _, s := range []string{"can i take a bath?", "face sooo itchy 😩", "no fever", "not the numbing cream", "", "\xff\xfe", "a\u0301", "9/10 pain", "itchyyyyyyyyy", "'''", "n't", "2nite", "b4", "日本語", "hello is anyone there"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		r := m.Match(msg)
		checkResult(t, msg, r)
		// The trace staff ask for with /why reads the same message.
		if e := m.Explain(msg); !reflect.DeepEqual(e.Result, r) || e.Why == "" {
			t.Errorf("Explain(%q) = %+v, want Match's result %+v and a reason", msg, e.Result, r)
		}
	})
}

func TestLookup(t *testing.T) {
	m := fixture.Matcher(t)
	tests := []struct {
		query string
		want  string
		ok    bool
	}{
		{"home.bath", "home.bath", true},
		{"Baths", "home.bath", true},
		{"brui", "expect.bruising_swelling", true},
		{"sun", "expect.sun_sensitivity", true},
		{"serum", "home.serum_application", true},
		{"itchy", "expect.itching", true},
		{"make-up", "home.products", true},
		{"", "", false},
		{"qqqq", "", false},
	}
	for _, tc := range tests {
		got, ok := m.Lookup(tc.query)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tc.query, got, ok, tc.want, tc.ok)
		}
	}
}

func TestMatchTopic(t *testing.T) {
	m := fixture.Matcher(t)
	tests := []struct{ msg, topic string }{
		{"can i go to the gym tomorrow", "gym"},
		{"is it ok to drink wine tonight", "drink"},
		{"why is my skin itchy", ""},
		{"what is the capital of france", ""},
	}
	for _, tt := range tests {
		if r := m.Match(tt.msg); r.Topic != tt.topic {
			t.Errorf("Match(%q).Topic = %q, want %q", tt.msg, r.Topic, tt.topic)
		}
	}
}

// TestGeneralQuestionAboutASign: a general question about a red-flag sign,
// about no other item, is a question about reactions; one asking what a
// sign is, or whether the treatment causes it at all, is not.
func TestGeneralQuestionAboutASign(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"can microneedling give you blisters?", "home.adverse_reaction"},
		{"how likely is a fever after this?", "home.adverse_reaction"},
		{"what does impetigo look like?", ""},
		{"what's the difference between a cold sore and a spot?", ""},
	})
}

// TestEasingSignGivesWay: a sign said to be going gives way to one that is
// not; alone, it is still what the message is about.
func TestEasingSignGivesWay(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"redness has calmed right down, just itchy now", "expect.itching"},
		{"the swelling has settled but now I'm really itchy, is that ok?", "expect.itching"},
		{"redness has gone down a lot since yesterday", "expect.redness"},
	})
}

// TestRoundElevenWords: everyday words for items found missing in round
// eleven, in our own sentences.
func TestRoundElevenWords(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"is the uv a problem this week?", "expect.sun_sensitivity"},
		{"should I stay indoors tomorrow", "expect.sun_sensitivity"},
		{"fine to sit out in the garden after lunch?", "expect.sun_sensitivity"},
		{"my cheeks feel vacuum packed", "expect.tightness"},
		{"forehead is like sandpaper", "expect.dryness"},
		{"pealing on my chin", "expect.dryness"},
		{"I'm Fitzpatrick type 6, anything different for me?", "expect.darker_skin"},
		{"am I allowed a baff", "home.bath"},
	})
}

// TestWashingTheFace: washing the face is the shower's answer unless a
// product washes it.
func TestWashingTheFace(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"am I ok to wash my face before bed", "home.shower"},
		{"can I wash my face with plain water tonight", "home.shower"},
		{"can I wash my face with my gel cleanser tonight", "home.products"},
		{"is a chlorhexidine wash on my face ok", "home.products"},
	})
}

// TestCatchingAndBeforehandDeclined: catching or passing something on, and
// what to do before a treatment or who may have one, are not on the sheet.
func TestCatchingAndBeforehandDeclined(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"is the redness contagious to my kids?", ""},
		{"can we share a towel while my face heals?", ""},
		{"should I stop my retinol beforehand?", ""},
		{"can my 17 year old have this for her spots?", ""},
		{"my flatmate has a cold, can I still shower tonight?", "home.shower"},
		{"is it ok to arrive with foundation on for my appointment next week?", ""},
		{"do I have to turn up with a bare face on Tuesday?", ""},
		{"should I pause my vitamin A cream before needling?", ""},
		{"is the aftercare serum vegan?", ""},
		{"what's that serum called so I can order it?", ""},
		{"I used retinol before the treatment and now I'm really red, is that normal?", "expect.redness"},
		{"how do you make sure the needles are clean?", ""},
		{"what's the infection rate for this at your place?", ""},
		{"does the aftercare serum go off once it's open?", ""},
		{"do you stock the serum at reception?", ""},
		{"can I have my lashes tinted next week?", ""},
		{"I forgot to use my serum this morning, does it matter?", "home.serum_application"},
	})
}

// TestRoundTwelveWords: everyday words for items found missing in round
// twelve, in our own sentences.
func TestRoundTwelveWords(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"should the serum go on damp skin or dry", "home.serum_application"},
		{"I'm mixed race, does the aftercare differ for me?", "expect.darker_skin"},
		{"I didn't go red like my sister did, is that ok?", "expect.darker_skin"},
		{"fine to sit out in the park this afternoon?", "expect.sun_sensitivity"},
		{"why do blocked drains matter?", "home.bath"},
	})
}

// TestSunOnItsOwn: the sun named on its own is the sun-sensitivity item,
// in short messages with nothing else about the skin.
func TestSunOnItsOwn(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"sun ok this weekend?", "expect.sun_sensitivity"},
		{"it's sunny, should I stay in the shade?", "expect.sun_sensitivity"},
		{"walking in sun tomorrow fine?", "expect.sun_sensitivity"},
	})
}

// TestBodyTreatments: treatments on the body are aftercare like the face's;
// whether the clinic treats stretch marks is not.
func TestBodyTreatments(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"my stretch marks on my hips are itchy, is that expected?", "expect.itching"},
		{"can I put body lotion on my stretch marks tonight?", "home.products"},
		{"minoxidil tonight after my scalp was needled?", "home.products"},
		{"deodorant ok? arms done this morning", "home.products"},
		{"do you do microneedling on stretch marks too?", ""},
	})
}

// TestWashingWithoutATub: a head bath, a bucket bath or washing the hair is
// the shower's answer, not the bath's.
func TestWashingWithoutATub(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"head bath tomorrow ok?", "home.shower"},
		{"I wash with a bucket and sponge at home, is that fine tonight?", "home.shower"},
		{"when can I wash hair", "home.shower"},
	})
}

// TestMatchDeclinesWhatTheSheetLeavesOut: painkillers by brand, the
// serum for someone who was not treated, dentures, eye drops, allergies
// to the serum's ingredients and someone booked in for later are not on
// the sheet.
func TestMatchDeclinesWhatTheSheetLeavesOut(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"can i take calpol for the soreness?", ""},
		{"is co-codamol alright for the pain", ""},
		{"can my boyfriend use my serum on his shaving rash?", ""},
		{"my daughter has a rash, could I put some of my serum on her?", ""},
		{"can I still use my serum tonight?", "home.serum_application"},
		{"I forgot to use my serum this morning, does it matter?", "home.serum_application"},
		{"can I put my dentures in tonight?", ""},
		{"are eye drops ok to use? my eyes are dry from the heating", ""},
		{"I have a nut allergy, is the serum safe for me?", ""},
		{"my husband is booked in for next month, can he shave before?", ""},
		{"I'm allergic to plasters, is there anything in the serum I should know about?", ""},
		{"the serum has gone cloudy in the bottle, still ok?", ""},
		{"my little girl grabbed my face after I put the serum on and now she has a red rash on her hand", ""},
		{"can my son borrow some of my aftercare serum for his eczema?", ""},
		{"the serum is warm from the car, can I still put 6 drops on?", "home.serum_application"},
	})
}

// TestWordsOfAnotherLanguageInAnEnglishMessage: a word the glossary knows,
// in a message otherwise English, is read in English; the other words of
// that language are left as they are rather than taken for English ones
// ("blancs" is not "blanches").
func TestWordsOfAnotherLanguageInAnEnglishMessage(t *testing.T) {
	m := fixture.Matcher(t)
	runCases(t, m, []matchCase{
		{"mi cara está roja tonight, is that normal?", "expect.redness"},
		{"pele seca on my cheeks, normal?", "expect.dryness"},
		{"petits boutons blancs on my chin, should I come in?", "expect.pustules"},
	})
	if r := m.Match("petits boutons blancs on my chin, should I come in?"); r.Urgent {
		t.Errorf("white spots in French read as urgent: %+v", r.RedFlags)
	}
}

// TestRoundFortyFourMoods: a fear of a sign still to come, a person the
// writer looks after named as an object, a heat the sheet warns of, a
// reason and a contrast name a sign without having it; open or wet holes
// and a temperature read with aches are signs.
func TestRoundFortyFourMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"petrified of it getting infected, what should i watch for", false},
		{"so worried about my face catching an infection at work", false},
		{"fed the cat out in the cold, since then it is throbbing and the pain keeps getting worse", true},
		{"sat in the sauna at the gym and now there are little fluid filled bumps on my chin", true},
		{"the needle holes on my forehead look wet and are getting bigger", true},
		{"38.2 and shivery tonight", true},
		{"they said no makeup because of infection, is mineral powder ok", false},
		{"more bothered about pigmentation rather than infection, anything to know", false},
		{"i've heard swelling means an allergy, mine is just a bit puffy", false},
		{"tired after a long day, everything aches, can i have a lukewarm shower", false},
	})
}

// TestRoundFortyFourWords: the words of round forty-four's items.
func TestRoundFortyFourWords(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"who do i ring if my skin looks off tomorrow", "home.adverse_reaction"},
		{"if it starts going wrong at night who do i call", "home.adverse_reaction"},
		{"when can i put my usual stuff back on", "home.products"},
		{"my forehead feels like it shrank overnight", "expect.tightness"},
		{"could he have caught something off me, he wasn't treated", ""},
	})
	if r := fixture.Matcher(t).Match("namamaga pa rin ang mukha ko at lumalala, day 4 na"); !r.Urgent {
		t.Errorf("Tagalog swelling getting worse: not urgent, got %+v", r)
	}
}

// TestRoundFortyFiveMoods: what keeps someone up, a likeness dated in the
// past, a childhood named in passing and a denial without its "I" do not
// take a sign away; a septic tank, a fraction of yesterday's redness and a
// partner's guess at an infection raise none.
func TestRoundFortyFiveMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"i have been up all night with shivers, face is hot", true},
		{"cheeks are blistered like when i had a bad peel 2 yrs ago, can i come in", true},
		{"it itches like measles did when i was a kid and now tiny fluid blisters have come up", true},
		{"the spots have gone green and my skin is breaking open under the crust", true},
		{"is weeping normal? haven't got any, just reading up", false},
		{"can i use the shower, we're on a septic tank out here", false},
		{"redness is down to about a quarter of what it was", false},
		{"my mum reckons i have got an infection but it is just pink and calm", false},
	})
}

// TestComparedTopicIsNoTopic: an uncovered topic a sign is likened to
// does not decline the question about the sign; one asked about still does.
func TestComparedTopicIsNoTopic(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"my face is sore like after the gym", "expect.tenderness"},
		{"tight like after a swim, is that ok", "expect.tightness"},
		{"itching like a tattoo that is healing", "expect.itching"},
		{"cheeks tender like after threading, normal?", "expect.tenderness"},
		{"can i go swimming? my skin is still a bit red", ""},
	})
}

// TestRoundFortySixMoods: a cause played down with "probably just" explains
// nothing; a reason given for a question is so; a part of the body said to
// be fine takes its rule with it; a woozy-face emoji is no dizziness; a
// person said not to be the treated one has another's sign.
func TestRoundFortySixMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the red patch has crept down to my collarbone since this morning, probably just the radiator", true},
		{"lips tingly and a bit tight since lunch, prob only the spicy food", true},
		{"just checking if i can have a shower tonight because i feel shivery and hot", true},
		{"wondering if i can use my toner, i am asking because a friend asked", false},
		{"my cheeks feel tight but my throat is completely fine", false},
		{"face feels tight, my breathing is fine", false},
		{"is it normal my throat is tight?", true},
		{"bit flaky 🥴 is that the serum", false},
		{"my daughter has a fever but she is not the one who had it done, can i still hug her", false},
	})
}

// TestRoundFortySixSigns: skin breaking down, discharge found on the pillow,
// swelling that keeps growing or takes one side of the face, a reaction
// each time the serum goes on, and a chill in a warm room are signs, in
// English and in the Hinglish and Tagalog words patients type.
func TestRoundFortySixSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"two bits on my jaw have broken down and look raw", true},
		{"the little sores on my forehead keep opening up", true},
		{"skin is flaking off with raw skin underneath", true},
		{"woke up to a yellowy stain on the pillow where my cheek was", true},
		{"my chin was stuck to the pillowcase this morning and it bled when i pulled away", true},
		{"why does my nose keep swelling", true},
		{"eyes are puffier today, more than day 2 if anything", true},
		{"the left side of my face has puffed up overnight", true},
		{"every time i put the serum on my cheeks come up in welts", true},
		{"i am cold even with two jumpers on and my face is burning", true},
		{"chehra pe sujan badhti ja rahi hai", true},
		{"the swelling went down nicely, just some redness left", false},
	})
}

// TestRoundFortySixWords: going outside and burning easier are the sun's
// item, a hair wash the shower's, one's regular stuff the products', and
// looking sunburnt is redness while feeling it to the touch is tenderness.
func TestRoundFortySixWords(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"am i ok to go outside this afternoon", "expect.sun_sensitivity"},
		{"do i burn more easily after this", "expect.sun_sensitivity"},
		{"is a hair wash fine tonight", "home.shower"},
		{"when can my regular stuff go back on", "home.products"},
		{"my forehead looks sunburnt, is that right", "expect.redness"},
		{"cheeks feel like sunburn when i touch them", "expect.tenderness"},
	})
}

// TestRoundFortySevenMoods: an onset told after a general question owns
// the sign; a relation who came for their treatment, or whom the clinic
// treated, is the patient; whether a sign one has is usual is asked of it;
// a fear of one's own part swelling, an unseen redness and a throat only
// thought tight are no signs.
func TestRoundFortySevenMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"is wheezing a known side effect? started after i did the serum tonight", true},
		{"my mum came in for her treatment on monday, her cheeks are swelling more today than yesterday", true},
		{"my husband says the itch is unbearable and it has gone into hives on his back, not just where you treated", true},
		{"just wondering if some small water blisters are normal this early", true},
		{"so scared of my lips swelling before the wedding", false},
		{"i honestly can not see any redness, did it work?", false},
		{"woke up thinking my throat was tight but it is only my cheeks", false},
	})
}

// TestRoundFortySevenSigns: wet or orange marks on the pillow, skin coming
// off wet or raw, lashes glued with gunk, a boggy pocket under the skin,
// pain that makes one cry, swelling worse by the minute or bigger than it
// was, chills then flushes, a reading in words, and a throat tight after a
// cream the gym does not explain.
func TestRoundFortySevenSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"orange wet marks on my pillowcase this morning", true},
		{"skin coming off in wet patches on my chin", true},
		{"gunk gluing my eyelashes together this morning", true},
		{"there is a boggy pocket of something under the skin on my jaw", true},
		{"raw and peeling off in sheets since yesterday", true},
		{"my cheek hurts so much i have been crying", true},
		{"lips puffing up after the serum, worse every few minutes", true},
		{"the swelling on my chin looks bigger than it did on sunday", true},
		{"getting chills then hot flushes all evening", true},
		{"thermometer says 38 point 4", true},
		{"throat went tight after the gym when i put my usual cream on", true},
	})
}

// TestRoundFortySevenWords: a mask worn over the face, how to dry it, the
// clinic's standards and whether the treatment suits someone are topics
// the sheet does not cover.
func TestRoundFortySevenWords(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"can i wear a paper mask on the train tomorrow", ""},
		{"is it better to towel dry or leave it", ""},
		{"is your practitioner fully qualified", ""},
		{"would microneedling suit someone with rosacea", ""},
		{"the central heating is drying my face out, what helps", "expect.dryness"},
	})
}

// TestRoundFortyEightMoods: "if I should come in" asks what to do, not
// whether a sign comes; a relation's occasion is not their sign.
func TestRoundFortyEightMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my cheek has a hot lump, not sure if i should come in", true},
		{"crusty scabs leaking yellow fluid, and it's my brother's birthday on sunday", true},
	})
}

// TestRoundFortyEightSigns: wet or raw skin under the peeling, swelling back
// and bigger, skin splitting, spots burst and bleeding, a throat squeezed,
// open scratches, a patch gone black, painkillers that do not help, burning
// going to the neck, cuts not closed and yellowy round the edges.
func TestRoundFortyEightSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"peeling in big flakes and under is wet", true},
		{"the puffiness went down yesterday but today it is back and bigger", true},
		{"my skin is so dry it is splitting at the corners of my mouth", true},
		{"two of my whiteheads have burst and are bleeding", true},
		{"my throat feels like it is being squeezed", true},
		{"my forehead is covered in open scratches", true},
		{"one patch has turned black in the middle", true},
		{"painkiller does not help, my cheeks are throbbing", true},
		{"the burning is going to my neck now", true},
		{"two little cuts by my nose have not closed and are yellowy round the edges", true},
	})
}

// TestRoundFortyNineMoods: a question that tells what is so now ("if my
// spots have turned yellow", "when the swelling is creeping down my neck",
// "for the bruise to be spreading") is about the writer's sign; a later
// "they appeared this morning" or "I've got one too" owns it; a closing
// "just curious" or "or would that be a bad sign?" keeps it general; a
// cause the sign "never" comes with explains nothing.
func TestRoundFortyNineMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"is it fine to keep using the serum if my spots have turned yellow and leaky?", true},
		{"what does it mean if the redness spreads?", false},
		{"how would I know if the redness is spreading?", false},
		{"if I'm getting an infection who do I call?", false},
		{"what does it mean when the swelling is creeping down my neck?", true},
		{"what does it mean when my cheek starts weeping?", true},
		{"is it usual for the bruise on my jaw to be spreading?", true},
		{"is it usual for bruising to spread?", false},
		{"is it normal to get hives after this? they appeared this morning", true},
		{"is it normal to get hives after this?", false},
		{"my sister has a cold sore and now I've got one starting too", true},
		{"my sister had pus in hers, I've got a couple of small whiteheads, should I come in?", false},
		{"can blisters happen after this? mine's all fine, just curious", false},
		{"just wondering, my chin is weeping yellow stuff", true},
		{"are chills normal after needling or would that be a warning sign?", false},
		{"I've got chills, is that normal or would that be a warning sign?", true},
		{"shivery and hot, which never happens on my period", true},
		{"is it normal to have had a fever the first night?", false},
	})
}

// TestRoundFortyNineSigns: skin coming away, bleeding under the peeling,
// pain like knives, sight gone double, swelling that does not reduce,
// antihistamines that do not help, lumps that keep coming, something
// yellow inside a spot, skin growing more raw.
func TestRoundFortyNineSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the skin on my chin has come away and it's wet", true},
		{"skin peeling off with bleeding under it", true},
		{"the pain is like knives in my cheeks", true},
		{"my sight has gone double since this morning", true},
		{"the swelling does not reduce, it is day 5", true},
		{"took antihistamines but they are not helping, still puffy", true},
		{"raised lumps keep popping up on my neck", true},
		{"the big spot has yellow stuff inside", true},
		{"it is getting more raw every hour", true},
		{"felt sick in the car but I always get car sick", false},
		{"was a bit shivery but warm now", false},
		{"a bit muddled with the drops, how many again?", false},
		{"I do not see any hives, it is just itchy", false},
		{"what causes blistering after microneedling?", false},
		{"had a bit of pus yesterday but it is dry and flat now", false},
	})
}

// TestRoundFortyNineWords: the clinic's hygiene, age limits, acne
// treatment and isotretinoin are not aftercare; spilt serum and missed
// applications are the serum; a darker skin that shows no redness is
// the darker-skin item.
func TestRoundFortyNineWords(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"how old do you have to be to get microneedling?", ""},
		{"is the clinic sterile?", ""},
		{"will it clear my acne as well?", ""},
		{"I'm on roaccutane, can I book in?", ""},
		{"spilled half the bottle, is there enough left?", "home.serum_application"},
		{"I missed an application last night, does it matter?", "home.serum_application"},
		{"I'm quite dark and my face shows no redness, is that ok?", "expect.darker_skin"},
	})
}

// TestRoundFiftyMoods: someone who tells the writer what their skin is
// ("my husband says the gunk is just serum") does not own the sign, unless
// they name it themselves or speak of someone else; "on any dog" is a
// likeness; a settling said of the other side settles nothing; "which mine
// has" makes a supposition so; "not that I have one" and "would blisters
// be normal?" ask in general.
func TestRoundFiftyMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my husband says the yellow gunk on my chin is just serum, but it's thick and smells", true},
		{"the woman at the chemist said it was only dryness, but the skin is cracking open and bleeding now", true},
		{"my friend said hers was oozing for days, mine is just pink", false},
		{"my flatmate keeps saying it looks infected but it's just pink", false},
		{"lad at work says you get blisters off this", false},
		{"I'd call this a hot spot on any dog: weeping and crusted on my cheek", true},
		{"weeping crust on my left cheek, the right cheek has healed", true},
		{"my left cheek keeps weeping, the right cheek healed already", true},
		{"the weeping on my cheek has healed", false},
		{"the leaflet says call if the redness spreads, which mine has", true},
		{"the leaflet says call if the redness spreads", false},
		{"would you call a fever a reaction? Not that I have one.", false},
		{"can you get a rash from the serum? Not that I have one.", false},
		{"would blisters be normal after this?", false},
		{"I've got blisters, would that be normal?", true},
	})
}

// TestRoundFiftySigns: the white of one eye gone red, a spot or patch
// leaking, a sloughy patch, swelling going purple, a low-grade temperature,
// oedema, feeling cold and tired, swelling that still has not gone; and
// bruising on the day, a cold flat, a habit, a watch kept, ooze that
// stopped after the session, which are not signs now.
func TestRoundFiftySigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the white of that eye has gone red", true},
		{"one spot is leaking yellow", true},
		{"a hard patch on my neck that is leaking", true},
		{"there's a sloughy patch on my forehead", true},
		{"swollen on one side and going purple", true},
		{"low grade temp since this morning", true},
		{"facial oedema spreading to my lips", true},
		{"I feel cold and tired since the treatment", true},
		{"the swelling still hasn't gone, day 6", true},
		{"puffy and a bit purple on the day of treatment", false},
		{"had a bit of a shiver but it was freezing in my flat", false},
		{"I get cold sores now and then, none at the moment", false},
		{"my left eye always looks puffier than my right", false},
		{"watching for spreading redness, none so far", false},
		{"a bit of clear ooze right after the session, dry now", false},
	})
}

// TestRoundFiftyWords: the serum's ingredients and batch numbers, and
// the clinic's equipment and adrenaline, are not aftercare.
func TestRoundFiftyWords(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"could you send me the ingredients list for the serum?", ""},
		{"do you keep adrenaline at the clinic?", ""},
		{"how do you clean your equipment?", ""},
	})
}

// TestRoundFiftyOneMoods: "took my temperature because…" gives the reason
// for taking it; a rule someone told ("said if redness is spreading it is
// infection") supposes; a next sentence that says
// "mine is fine" or "I have nothing like this" keep a question general.
func TestRoundFiftyOneMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"took my temperature because I felt rough and it's 38.6", true},
		{"my colleague said if redness is spreading it is infection", false},
		{"my friend told me red streaks would mean hospital. I have nothing like this.", false},
		{"the nurse said the swelling can get worse before it settles. Mine is fine so far", false},
	})
}

// TestRoundFiftyOneSigns: swelling that will not stop or stays the same
// after days, an eye closed by it, a bruise the size of a plum or going
// darker after days, heat coming off red skin, redness past a pen mark,
// soggy skin with gunk, raw bloody patches, freezing then boiling; and a
// shiver from the cold, weeping that stopped after the clinic, a spot
// cleared up, a question whether itching means allergy, which are not.
func TestRoundFiftyOneSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my face won't stop swelling", true},
		{"it's been 5 days and the swelling is the same, not less", true},
		{"my eye is closed from the swelling", true},
		{"the bruise is now the size of a plum", true},
		{"the bruise became darker, day 6", true},
		{"it's flared up red and I can feel heat coming off it", true},
		{"it's past the mark I drew now", true},
		{"the skin round the plaster is soggy with gunk", true},
		{"skin peeling off in raw patches and a bit bloody", true},
		{"I keep going freezing cold then boiling", true},
		{"a bit shivery earlier but I was just cold", false},
		{"a bit of weeping straight after in the clinic, stopped before I got home", false},
		{"the pus spot cleared up on its own", false},
		{"does an itchy face mean I'm allergic?", false},
	})
}

// TestRoundFiftyTwoMoods: a cause played down in its own words ("probably
// just nerves") explains nothing; a remedy that fails ("my inhaler isn't
// helping") is no cause; a sign on its way now ("a cold sore coming up")
// is not made a habit by "I always get them"; "I've had it since the
// needling" after a general question owns the sign.
func TestRoundFiftyTwoMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my throat feels tight since the serum, probably just nerves", true},
		{"my chest is really tight and my inhaler isn't helping, started after the treatment", true},
		{"got a cold sore coming up on my lip, always get them when I'm run down", true},
		{"had a cold sore last spring, I always get them when I'm run down", false},
		{"is wheezing a side effect? I've had it since the needling", true},
		{"is wheezing a side effect?", false},
	})
}

// TestRoundFiftyTwoSigns: a yellow middle, spots burst and crusted,
// bleeding and crust, a spot full of goo, gone green and hot, spots that
// keep coming and hurt, swelling gone so bad or increasing, eyes getting
// narrower, redder and sorer, a bruise unshifted after days, wavy vision,
// sores spreading from the lips; and causes that explain: running for the
// bus, a tooth out, sleeping on a hand, anxiety, the air conditioning.
func TestRoundFiftyTwoSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the red patch has a yellow middle now", true},
		{"a few of the spots have burst and crusted", true},
		{"scratched it in my sleep, now bleeding and crust", true},
		{"one spot is huge and full of goo", true},
		{"the spot has gone green and it is hot", true},
		{"more spots keep coming and they hurt", true},
		{"the swelling has got so bad I can't see properly", true},
		{"my eyes are getting narrower from the puffiness", true},
		{"the patch by my ear is getting redder and sorer", true},
		{"the bruise on my cheek has not shifted, day 14", true},
		{"my vision keeps going wavy", true},
		{"sores on my lip spreading onto my chin", true},
		{"heart racing but that's because I ran for the bus", false},
		{"feeling a bit sick but I had a wisdom tooth out yesterday", false},
		{"pins and needles in my hand but I slept on it funny", false},
		{"my chest feels tight but that's my anxiety", false},
		{"had chills earlier from the air conditioning", false},
	})
}

// TestRoundFiftyThreeLanguages: red flags told in the languages the bot
// recognises, in words its glossary did not know — a wound open and
// bleeding, pus or green discharge, a throat closing, blurred vision,
// shivering and fever, a bruise still growing after days — and a Spanish
// "y", which is "and" there, not the English lexicon's "why".
func TestRoundFiftyThreeLanguages(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"tengo una herida abierta en la barbilla y sangra", true},
		{"me sale pus verde de un grano", true},
		{"mi visión está borrosa desde esta mañana", true},
		{"a minha garganta está fechando depois do sérum", true},
		{"estou tremendo e com febre desde ontem", true},
		{"il y a un liquide vert qui coule de ma joue", true},
		{"siniak nie znika, już 8 dni i jest coraz większy", true},
		{"zielona wydzielina z kilku krostek", true},
		{"la ducha fue tibia, todo bien", false},
		{"o rosto está só um pouco vermelho", false},
	})
}

// TestRoundFiftyThreeMoods: "which didn't happen last time" makes a sign
// new, not past; "because you're closed" is why the writer writes, not a
// cause; a walk home in the sun does not explain blisters.
func TestRoundFiftyThreeMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"little blisters on my chin which didn't happen last time, is that normal?", true},
		{"had blisters last time, none now", false},
		{"my lumps are full of yellow stuff I am texting because you are closed", true},
		{"got blisters after I walked home in the sun", true},
		{"my eyes are red and blurry since the shower", true},
		{"stiff neck and a headache, temp of 38", true},
	})
}

// TestRoundFiftyFourMoods: a question asking leave to do something "if"
// the writer's skin is so ("is it okay to have a bath if the skin is
// breaking down?") tells that state, unless it asks about the treatment
// itself; "drained at the clinic" says where, not when; fake tan does not
// explain blisters; "pretty sure I'm having a reaction" asserts one, while
// "I think I'm having a reaction…, who do I contact?" asks what to do (the
// development set labels it calm).
func TestRoundFiftyFourMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"is it okay to have a bath if the skin on my chin is breaking down?", true},
		{"can I go to the beach if I've got a few blisters near my mouth?", true},
		{"what should I do if the skin starts breaking down?", false},
		{"can I have microneedling if I've got a cold sore?", false},
		{"can I get the pus drained at the clinic? it's a big yellow one and hot", true},
		{"put fake tan on last night and now a patch on my forehead has blistered", true},
		{"pretty sure I'm having a reaction to the serum", true},
		{"I think I'm having a reaction to the cream, who do I contact?", false},
	})
}

// TestRoundFiftyFourSigns: spots turned into big sore lumps, goo with
// heat, a crater leaking, skin raw like a burn, a heartbeat felt in a
// lump, pain climbing, an eye hard to open, a bruise more purple after
// days, more each hour, swelling still not gone after days, a stiff neck
// with a headache, redness all the way round to the ear.
func TestRoundFiftyFourSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"a couple of the spots have turned into big sore lumps", true},
		{"there's white goo in one of the holes and it feels hot", true},
		{"a little crater under the scab that's leaking", true},
		{"the skin is raw like a burn", true},
		{"I can feel my heartbeat in it", true},
		{"the pain is 6 and climbing", true},
		{"my lower lid is so puffy it's hard to open the eye", true},
		{"the bruise is more purple than ever, day 8", true},
		{"the bumps are getting more each hour", true},
		{"the swelling still not gone, day 7", true},
		{"stiff neck and a bad headache since yesterday", true},
		{"the redness goes all the way round to my ear now", true},
		{"the bruise from 10 days ago has finally gone", false},
	})
}

// TestRoundFiftyFiveMoods: "I get cold sores" tells a habit, so a cold sore
// may come (calm, about reactions) unless a later clause says one has; a
// habit told after blisters names what they may be, not when they were;
// "mine has" after "has anyone…?" owns the sign; a writer who only noticed,
// does not want to wake the patient, or names themselves by the patient
// ("it's her husband again") writes for them; "did his" tells a treatment;
// the scab, not the writer, "fell off"; "unrelated maybe" is a hope; "at
// some place in town" is another clinic; "I've got nothing like that"
// disowns a friend's sign.
func TestRoundFiftyFiveMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"I get cold sores sometimes, what should I do if one comes up?", false},
		{"I get cold sores quite often, is there anything I should take beforehand?", false},
		{"I get cold sores and one has just come up on my top lip", true},
		{"I get cold sores now and then and I can feel one starting where she needled", true},
		{"a cluster of little blisters by my lip and it burns, I get cold sores now and then", true},
		{"has anyone else's face gone all weepy by day 3? mine has", true},
		{"my wife is asleep but I noticed her cheek is hot and swollen. I don't want to wake her but should I", true},
		{"it's his wife again, the crust I mentioned has spread to his neck and he's got a temperature", true},
		{"my brother did his at the same time as me and has a weeping patch that's getting bigger", true},
		{"he had his scars done, there's a hole where the scab fell off and it's leaking", true},
		{"can I wear mascara? also, unrelated maybe, a couple of spots have gone gunky and green", true},
		{"my aunt says her friend's face got infected at some place in town. what does infection look like?", false},
		{"my friend got pus spots after hers. I've got nothing like that, just curious why", false},
	})
}

// TestRoundFiftyFiveSigns: pain that brings tears, pills that do nothing,
// pain or swelling worse by the hour, a bruise that has doubled, a shadow
// in the vision, seeing as through dirty glass, a headache with trembling
// in bed, a sore throat with a temperature and a throbbing face, yellowish
// eyes, green slime, leaking spots, crust with heat, white heads going
// green, a yellowy base, heat creeping, patches that grow, bumps beyond the
// treated skin, skin that cracks and bleeds, wounds that open, "won't
// heel", A&E, swelling not gone on "the 5th day", bruises not going away
// after a week; and the calm words beside them.
func TestRoundFiftyFiveSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"I'm in so much pain I cried", true},
		{"really bad pain in my cheeks, took two paracetamol and nothing", true},
		{"the swelling is worse every hour", true},
		{"the bruise was the size of a 5p yesterday, now it's double that", true},
		{"there's a shadow in my vision on the left", true},
		{"I see like through a steamy window", true},
		{"headache and trembling, stuck in bed all day", true},
		{"sore throat and a temp, face throbbing", true},
		{"my eyes look yellowish and I feel exhausted", true},
		{"the spots on my chin have gone greenish and slimy", true},
		{"the little spots are leaking", true},
		{"it's gone crusty and hot", true},
		{"little white heads that are going green", true},
		{"a sore on my jaw with a yellowy base", true},
		{"the hot feeling is spreading towards my ear", true},
		{"raised hot blotches on my neck, they grow", true},
		{"bumps all over now, not just where she needled", true},
		{"the skin around my nose has started to crack and bleed", true},
		{"wounds on my cheek that open more each day", true},
		{"an open patch on my cheek that won't heel", true},
		{"I'm in A&E, they want to know what was in the serum", true},
		{"the swelling does not go down, it's the 5th day", true},
		{"the bruises are not going away, it's been a week", true},
		{"we barely see the sun up here, do I need SPF?", false},
		{"lips feel dry and tight, can I use lip balm?", false},
		{"my skin is darker so bruises show purple, a small one, not growing", false},
		{"my eyes are weepy from a sad film, face is fine", false},
		{"I've had infections before with piercings, I'm scared it will get infected", false},
		{"had herpes twice this year, should I take antivirals?", false},
		{"zero blisters, zero swelling, just a bit itchy", false},
		{"the 'blister' was just dry skin lifting", false},
	})
}

// TestRoundFiftyFivePreTreatment: questions about the treatment still to
// come, or the needling while it is done, are not aftercare.
func TestRoundFiftyFivePreTreatment(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"do you use anaesthetic cream before you start?", ""},
		{"how painful is the needling itself?", ""},
		{"does it sting while it is being done?", ""},
	})
}

// TestRoundFiftySixMoods: a sign named alone and asked about as a thing
// ("…, is that something that can happen?", "…, would that be a bad
// sign?") is a general question; a treatment still to come ("can I still
// book", "still do the treatment next week", "his treatment on Friday")
// makes the signs told not this one's, unless "the first one" was had;
// "eczema girl here" tells who writes, not a cause; and the words beside.
func TestRoundFiftySixMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"Oozing skin, is that something that can happen after this?", false},
		{"yellow crust, would that be a bad sign?", false},
		{"had chills last night and feel rough today, does that happen after needling", true},
		{"had cold sores before, can I still book?", false},
		{"my wife has a temperature from a cold, will she still be ok to have her treatment on Monday?", false},
		{"cancel my next appt please, the first one left me with open cuts that haven't closed and are weeping", true},
		{"eczema guy here, the treated bits have gone crusty and yellow and it's spreading", true},
		{"my wife has a cold sore, will she still be ok to have her treatment tomorrow?", false},
		{"nobody has a fever here, can we share towels?", false},
		{"blurry vision is from my new glasses, can I wear them?", false},
		{"I get red streaks on my legs from varicose veins, face is just pink", false},
		{"face swollen and raw since this morning", true},
		{"whiteheads have turned into angry red lumps", true},
		{"it is more swollen this evening than the morning", true},
		{"the swelling came back up on day 5 and it's warm", true},
		{"the scab is cracking and water is coming out", true},
		{"my vision has become blur since the afternoon", true},
		{"it hurts to open my mouth and my cheek is swollen", true},
		{"the redness is going past the treated area", true},
	})
}

// TestRoundFiftySixItems: a sign said to have gone, with its place told
// between ("the puffiness under my eyes has gone"), or "completely", gives
// way to what the message asks; "make-up free" describes a face.
func TestRoundFiftySixItems(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"the bruising on my jaw has completely gone, can I wear foundation again?", "home.products"},
		{"the puffiness around my eyes has gone, can I have a bath tonight?", "home.bath"},
		{"the redness on my cheeks has gone, when can I have a bath?", "home.bath"},
		{"my face looks less red today in a make-up free photo", "expect.redness"},
	})
}

// TestRoundFiftySevenMoods: "I'm 38" is an age unless a temperature is
// told with it ("I'm 38.4", "I'm 39 and shivering"); water that "comes
// out" of a shower or tap is no discharge; a dream of a sign is no sign;
// a treatment told as had ("last week's needling", "she had needling on
// Tuesday") keeps the signs of a message about an appointment; A&E is now,
// whatever is booked.
func TestRoundFiftySevenMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"I'm 38 and had microneedling yesterday, can I wear a hat outside?", false},
		{"I'm 38.4 and my face is burning", true},
		{"I'm 39 and shivering under the duvet", true},
		{"the water in our shower comes out really hot, should I turn it down?", false},
		{"had a dream that my face was infected, it's just pink, phew", false},
		{"running late for my voucher, ps from last week's needling I've got pus heads popping up and they hurt", true},
		{"cancel my appointment tomorrow please, I'm in A&E with my face swollen", true},
		{"heard microneedling can spread cold sores, I've got one now and my appointment is next week, should I move it?", false},
	})
}

// TestRoundFiftySevenSigns: worse than when the writer left the clinic,
// puffing and puffing, a heartbeat in the cheek, pain that wakes, healing
// going backwards, an eye barely open, eyelids gone massive, a throat
// that feels small, open bits going gooey, yellow heads throbbing, a smell
// of old cheese, raw mince, matter coming out, bumps that move, a lump
// under the jaw; and "sore like a graze" stays calm.
func TestRoundFiftySevenSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my cheeks are more swollen than when I left the clinic", true},
		{"my eyelids keep puffing and puffing", true},
		{"it's throbbing like a heartbeat in my cheek", true},
		{"the pain woke me at 3am", true},
		{"the healing is going backwards, day 4 and it's redder", true},
		{"my left eye is so puffy I can barely open it", true},
		{"eyelids gone massive overnight", true},
		{"my throat feels small and I keep coughing", true},
		{"there are open bits on my chin going gooey", true},
		{"my forehead is full of yellow heads and throbbing", true},
		{"round my nose smells like old cheese", true},
		{"one cheek looks like raw mince", true},
		{"there is some matter coming out in a few places", true},
		{"the bumps keep moving around my neck", true},
		{"there's a tender lump under my jaw", true},
		{"sore like a graze when I touch it", false},
	})
}

// TestRoundFiftyEightMoods: a sentence that opens with "if" and asks of
// what it supposes ("if I see a white spot, is that pus?"), an "if it
// happens" in the sentence after a question, checking the mirror for a
// sign, a belief put right ("made me think", "thought I was"), a sign
// that lasted, one on the day of the treatment, a piercing's infection;
// and signs the writer has now stay urgent.
func TestRoundFiftyEightMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"If I get a little blister, is that bad?", false},
		{"If I come out in hives, should I stop the serum?", false},
		{"If the redness spreads, what do I do?", false},
		{"I've got a blister on my cheek, is that bad?", true},
		{"is weeping normal? just so I know what to do if it happens", false},
		{"is my cheek weeping normal? it has been all day", true},
		{"I keep checking my face for pus but it's just pink", false},
		{"the dryness made me think my lips were swelling, they are not", false},
		{"thought i was allergic but it's just the redness", false},
		{"my bruising after the last treatment lasted 2 weeks, is that normal?", false},
		{"I had a temperature on the day of my treatment from the heat, fine now", false},
		{"I had an infection after getting my ears pierced once, what should I watch for?", false},
		{"If that is normal, why is there pus coming out of my cheek?", true},
	})
}

// TestRoundFiftyEightSigns: open bits under peeling skin, a smell with
// goo, sores that will not dry, a fluctuant lump that came up, a hot blotch
// raised and shiny, a rash with aching joints; and peeling alone, a smell
// of the serum and stiff joints from the garden stay calm.
func TestRoundFiftyEightSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my face is peeling and there are open bits underneath", true},
		{"there's a funny smell and some goo on my cheek", true},
		{"little sores on my chin that won't dry up", true},
		{"a fluctuant lump on my jaw", true},
		{"the red patch is raised and shiny and hot", true},
		{"I've got a rash and my joints ache", true},
		{"my face is peeling a bit on day 4", false},
		{"the serum has a funny smell, is that ok?", false},
		{"my joints ache from the gardening, face is fine", false},
	})
}

// TestRoundFiftyNineMoods: "only joking" in the sentence after a sign takes
// it back, a settling word after "after it" tells what came before the
// sign, "all healed" and "now totally fine" settle it, "then stops" ends
// a tingle, "can you catch" and "will an infection" ask in general.
func TestRoundFiftyNineMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"Is shivering normal? Ha only joking, the heating is broken", false},
		{"I'm shivering. Is that normal?", true},
		{"bleeding again today after it stopped yesterday", true},
		{"the oozing stopped yesterday, now it's just dry", false},
		{"had a yellow crust on day 2, all healed lovely now", false},
		{"felt dizzy in the chair from needle fear, now totally fine", false},
		{"the serum tingles a bit then stops", false},
		{"can you catch an infection off a gym shower?", false},
		{"will an infection be harder to spot on dark skin?", false},
	})
}

// TestRoundFiftyNineSigns: pain going into the ear or down the neck, a
// bruise big again, raw patches where the skin is broken, wet skin under
// peeling, skin breaking into holes, a hole getting deeper, yellow on the
// pillow, a sticky face with blood; and a pillow with serum on it or a
// sore ear from earrings stays calm.
func TestRoundFiftyNineSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the pain is going into my ear now", true},
		{"the bruise was fading but now it's big again", true},
		{"raw patches where the skin is broken", true},
		{"it's peeling and there's red wet skin under it", true},
		{"my skin is breaking, little holes and raw", true},
		{"a hole on my cheek that is getting deeper", true},
		{"woke up and there's yellow on my pillow", true},
		{"my face is sticky and there's blood on it", true},
		{"there's serum all over my pillow", false},
		{"my earrings made my ear sore", false},
	})
}

// TestRoundSixtyWhose: someone written for who had the treatment ("she had
// skin needling 2 days ago", "got this done", "her whole cheek", "I brought
// my mum for hers the same day", "mine's fine") has the signs told; a
// writer who touches the skin is not the patient; a question asked for a
// friend who is having it next month asks ahead.
func TestRoundSixtyWhose(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my daughter's temp is 39, she had skin needling 2 days ago", true},
		{"friend of mine got this done and she's got open raw bits that weep", true},
		{"my mum won't complain but her whole cheek has gone hard and hot, day 4", true},
		{"she winces when I touch it, my mum's cheek is hot and hard, day 3", true},
		{"I'm totally fine, but I brought my mum for hers the same day and her bruise is spreading down her neck", true},
		{"my husband had his done the same day. mine's fine. his face has gone yellow and gunky", true},
		{"Is fever normal after microneedling? asking for my friend who's having it next month", false},
		{"my sister had an infection after a tattoo years ago, I'm fine", false},
	})
}

// TestRoundSixtySigns: a patch breaking down with fluid, yellow bits with
// redder skin, "it's leaking", split skin that is sore, loads of yellow
// heads, all gunky, greenish heads, too painful to move, crying with the
// pain, swelling that won't settle, spots worse after squeezing, swelling
// spreading to the cheeks, a bruise now half the cheek, itch with swelling
// up, everything smudgy; and a car breaking down, redness worse after a
// shower, a tooth abscess and "can you have an allergic reaction to it?"
// stay calm.
func TestRoundSixtySigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"a patch on his cheek is breaking down with a bit of fluid", true},
		{"it looks redder and there are yellow bits", true},
		{"its leaking 😬", true},
		{"skin split n sore by my mouth", true},
		{"loads of yellow headed spots", true},
		{"had a shower now its all gunky", true},
		{"greenish heads all over the treated bit", true},
		{"my face is too painful to move", true},
		{"she's crying with the pain", true},
		{"bruising and swelling won't settle", true},
		{"squeezed the spots and now they're worse", true},
		{"puffy eyes and now the tops of my cheeks too", true},
		{"the bruise is now half my cheek", true},
		{"itchy and swelling up", true},
		{"everything looks smudgy out of my left eye", true},
		{"the boiler keeps breaking down, can I shower at the gym?", false},
		{"redness comes and goes, worse after a shower, day 4", false},
		{"I'm on antibiotics for a tooth abscess, can I keep taking them?", false},
		{"Can you have an allergic reaction to microneedling?", false},
	})
}

// TestRoundSixtyOneMoods: the children the writer took out are not the
// ones with the sign, a settling word said of "last time" does not settle
// a sign told today, "the old" of "the old acne scars" dates no sign, sun
// does not explain weeping and going without food does not explain a
// swollen, hot face, and a sign that opens a sentence is the subject of
// what "and" joins to it; swelling going down a bit more every day and
// skin flaking like dead skin stay calm.
func TestRoundSixtyOneMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"took the kids to the beach, forgot suncream, face has come up in big blisters and it's throbbing", true},
		{"the swelling is worse tonight than this morning, last time it was all gone by day 3", true},
		{"booked it for the old acne scars and my neck has gone all crusty and weeping since", true},
		{"been out in the sun at work all week and the spots are crusty and weeping", true},
		{"haven't eaten much today and my face is swollen and hot and more painful", true},
		{"swelling on my jaw, it has been like that for six days now and not going down at all", true},
		{"my swelling is going down a bit more every day now", false},
		{"my skin is flaking off like dead skin, is that normal?", false},
		{"my friend told me you can get a rash from the serum, how would I know?", false},
		{"the swelling has been going down nicely since Tuesday", false},
	})
}

// TestRoundSixtyOneSigns: a spot become a huge boil, skin coming off in
// wet sheets, new bruises that keep appearing, skin cracked open, gunk
// back again; tea liked boiling hot stays calm.
func TestRoundSixtyOneSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"a spot on my chin has become a huge boil", true},
		{"my skin is coming off in wet sheets", true},
		{"new bruises keep appearing on my cheeks", true},
		{"the skin by my mouth has cracked open and it stings", true},
		{"the gunk is back on my forehead", true},
		{"I like my tea boiling hot, can I drink it tonight?", false},
	})
}

// TestRoundSixtyTwoMoods: a supposed sign told growing in the next clause
// ("getting more each day") is had, "stopped the serum" settles no sign,
// "sister" after a greeting is spoken to, a bruise gone down the cheek has
// spread; a sign that stopped the same day and a flu jab's ache stay calm.
func TestRoundSixtyTwoMoods(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"just wondering if yellow crusts are normal, seems to be getting more each day", true},
		{"is it ok if I feel dizzy since the treatment? getting worse", true},
		{"the skin under the crust is oozing, I stopped the serum cos of it", true},
		{"salaam sister, the face still swelling after 8 days and not going down", true},
		{"my bruise has gone right down my cheek and is getting bigger", true},
		{"had a bit of weeping on day 1 that stopped the same day, now just dry", false},
		{"had the flu jab today, bit achy. does it affect anything?", false},
		{"I had a cold sore last winter, none now, should I tell you if one comes back?", false},
	})
}

// TestRoundSixtyTwoSigns: skin around red and hot, a changed voice,
// unclear vision, pain 9 from 10, whiteheads now big and yellow, bruising
// three times the size.
func TestRoundSixtyTwoSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the skin around is red and hot", true},
		{"my voice changed since the serum went on", true},
		{"my vision is not clear since this morning", true},
		{"pain is 9 from 10 today", true},
		{"the whiteheads are now big and yellow and warm", true},
		{"bruising is three times the size it was yesterday", true},
	})
}

// TestRoundSixtyThreeProxy: a relation's signs dated by "the
// appointment" are the patient's; an appointment of the writer's own, or
// one somewhere else, stays calm.
func TestRoundSixtyThreeProxy(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"boyfriend says he feels shivery and has a temperature since the appointment this morning", true},
		{"girlfriend has a high fever since the appointment on monday", true},
		{"my son has a fever, can I still bring him to my appointment tomorrow?", false},
		{"my husband had a rash after an appointment at the dentist, can I still come in?", false},
	})
}

// TestRoundSixtyThreeLongAsks: a long message that tells a normal effect
// along the way ("just a bit pink") but asks only about what the sheet
// does not cover is declined; one that asks about what it tells is still
// answered.
func TestRoundSixtyThreeLongAsks(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"Hi, had my cheeks done on Monday, all fine so far, just a bit pink in the evenings. I have an appointment " +
			"for a gel manicure and a spray tan on Friday because it is my daughter's christening on Sunday. Is the " +
			"spray tan too soon? The salon told me to ask you first, and I really want to look nice in the photos.", ""},
		{"Hi, had my treatment on Monday, it went fine, the team were lovely and I was in and out in under an hour. " +
			"I drove home after and went straight to bed. This morning my face is still really red, more than I " +
			"expected, like I have been out in the sun all day without any cream on at all. How long does the " +
			"redness normally last for?", "expect.redness"},
	})
}

// TestRoundSixtyThreeCalm: someone checking the writer for infection, and
// feeling awful about something one would do, are no signs; a real
// infection and feeling awful in oneself still are.
func TestRoundSixtyThreeCalm(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my mum is a nurse and keeps checking me for infection haha, she says it's just red", false},
		{"the cat sleeps on my pillow and I would feel awful shutting him out, is that ok?", false},
		{"I think my cheek is infected, there is yellow pus", true},
		{"I feel awful today, shivery and hot", true},
	})
}

// TestUnlikeOpensMessage: "unlike last time" sets the sign against the
// past even as the message's first word, so the sign is now.
func TestUnlikeOpensMessage(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"unlike last time I have yellow crusts today", true},
		{"unlike last time my cheeks are blistering", true},
	})
}

// TestRoundSixtyFourSigns: signs described rather than named — skin shiny
// and stretched and warm, spots grown twice as many, a sore spreading,
// redness gone back to bright red and hot, a throbbing that cannot be
// touched; skin that only feels stretched, and redness that calms down to
// pink, stay calm.
func TestRoundSixtyFourSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my cheek is shiny and stretched and really warm", true},
		{"the pimples have come up twice as many as this morning", true},
		{"the sore on my chin is spreading", true},
		{"it settled yesterday but this evening it has gone back to bright red and hot", true},
		{"I can not touch it, it is throbbing at night", true},
		{"my skin looks shiny and stretched, it is tight after the needling", false},
		{"my face went beetroot in the sauna and then calmed down to a pink colour", false},
		{"it is a bit sore but nothing is spreading", false},
	})
}

// TestRoundSixtyFiveSigns covers round sixty-five's red flags: swelling
// that grows by the day or the evening, a pain scored "of 10", lumps full of
// white that multiply, yellow-topped spots with heat, green-yellow around the
// needle holes, redness "more red not less" or reaching further and further,
// weak and cold, spots in one's vision, a weekday written short ("treated
// Fri, it's now Wed" is five days), and a past told of someone else after
// the sign.
func TestRoundSixtyFiveSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my face is swollen and every day a bit more", true},
		{"my eye is puffing more", true},
		{"the swelling came back twice as bad", true},
		{"the pain is 8 of 10 now", true},
		{"bumps on my chin full of white stuff, more every morning", true},
		{"many spots with yellow top", true},
		{"red hot spots with yellow on my forehead", true},
		{"the skin is green yellow around the holes", true},
		{"my neck is getting more red not less", true},
		{"i feel like gripe, weak", true},
		{"my vision has little flies", true},
		{"swelling round my eyes still not gone down, treated Fri and it's now Wed", true},
		{"it is crusty and weeping and looks like the impetigo my nephew had last year", true},
		{"the swelling is going down a bit more every day", false},
		{"my face feels tight, like my skin is going to split", false},
		{"my mum had shingles blisters on her face last year, can she still have this done", false},
		{"the bruise is still there after a week, not sore", false},
	})
}

// TestRoundSixtySixSigns covers round sixty-six's red flags: bumps turned
// into boils, red going out from a spot, redness angry again and spreading,
// a sore getting wider by the day, eyes swollen to slits, tenderness got so
// bad or turned into a throbbing, "I might be having a reaction" (a guess
// about now, not a supposition), and a relation's treatment named by its
// area ("since her eye area treatment").
func TestRoundSixtySixSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the bumps have turned into boils", true},
		{"one spot is hot with red going out from it", true},
		{"it was calming down, now it's angry again and spreading", true},
		{"a sore that is getting wider each day", true},
		{"my eyes are slits this morning", true},
		{"the tenderness has got so bad", true},
		{"the ache turned into a proper throbbing", true},
		{"I think I might be having a reaction", true},
		{"My husband says his eyesight has gone a bit blurry since his eye area treatment today. He says it'll pass. Should I worry?", true},
		{"what if I have a reaction to the serum?", false},
		{"it's green tea I'm drinking, coming out of the kettle", false},
		{"the tenderness has eased off, it was bad on day one", false},
	})
}

// TestGreetingWithEmoji: an emoji that closes a greeting or thanks is a
// flourish ("Good morning ☀️"), while one that carries the question is read
// as its word ("can I go out in the ☀️ today").
func TestGreetingWithEmoji(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"Good morning ☀️", "smalltalk.greeting"},
		{"hi ☀️ thanks so much", "smalltalk.thanks"},
		{"can I go out in the ☀️ today", "expect.sun_sensitivity"},
		{"☀️ ok?", "expect.sun_sensitivity"},
		{"what if it starts oozing?", "home.adverse_reaction"},
	})
}

// TestAskedOverTold: a message that tells an expected effect and asks,
// in a clause of its own, about something to do at home gets the answer
// to what it asks; unless the effect's own answer answers that too (dry
// skin names the serum; darker skin keeps the same aftercare), or the
// effect is what is asked.
func TestAskedOverTold(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"face is red and a bit puffy. can I have a bath tonight?", "home.bath"},
		{"is it ok to shower? my face is a bit red", "home.shower"},
		{"skin is really dry and flaky. do I keep using the serum?", "expect.dryness"},
		{"I have dark skin and I barely look red. do I still use the serum?", "expect.darker_skin"},
		{"my face is red, is that normal?", "expect.redness"},
		{"my face is a bit pink. when can I go in the sun?", "expect.sun_sensitivity"},
		{"my cheeks are red and blotchy. is that the serum or my skin?", "expect.redness"},
	})
}

// TestRoundSixtyEightSigns covers round sixty-eight's red flags: a lump gone
// soft and full of something, skin falling off in wet patches, open sores,
// redness going further or reaching the neck or chest, hotter than after the
// treatment, painful and swollen for a week, swelling "not going" after days,
// sweaty and freezing, the serum making the face swell, and a bug only
// guessed at with "might" ("might just be the flu") that explains nothing.
func TestRoundSixtyEightSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the lump has gone soft and full of something", true},
		{"my skin is falling off in wet patches", true},
		{"sores that are open on my forehead", true},
		{"the redness is going further, now my ears", true},
		{"my face hurts more more and the redness don reach my chest", true},
		{"my face is hotter than after the treatment", true},
		{"cheeks painful and swollen, it's been a week", true},
		{"the swelling is not going, it's one week now", true},
		{"sweaty and freezing at the same time", true},
		{"the serum is making my face swell", true},
		{"Also I've got a fever today but that might just be the bug going round", true},
		{"I had the flu last week and a fever, all gone now", false},
		{"I am sweaty after the gym", false},
		{"the serum is making my face feel tight", false},
	})
}

// TestRoundSixtyNineSigns holds round sixty-nine's signs, written in words
// of their own beside the third k wave's misses: swelling that has not gone
// down by the third day, "outta 10", a crusty spot leaking, a sore turned
// into an open cut, a lump like a boil; and the calm contrasts it must not
// flag: shivers the frost or a fan explains, a sign the writer takes back,
// cold sores that run in the family, and an infection only a relative foresees.
func TestRoundSixtyNineSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my cheeks are swollen and they haven't gone down, it's day 3", true},
		{"the pain is like 8 outta 10", true},
		{"crusty and leaking by my nose", true},
		{"the scratch has turned into an open cut", true},
		{"there's a boil like lump under my jaw", true},
		{"I was shaking at the bus stop but it was just the frost, face is fine", false},
		{"bit shivery tonight, oh actually no, ignore me, it's the fan", false},
		{"cold sores run in the family so I'm nervous", false},
		{"my nan says ill get infected if I touch it", false},
		{"puffy still on day 3 but going down nicely", false},
		{"I look like a boiled lobster, normal?", false},
	})
}

// TestRoundSeventySigns holds round seventy's signs, written in words of
// their own beside the third l wave's misses: a yellow crust that keeps
// coming back, yellow liquid coming out, a greasy yellow film, yellow-grey
// and moist, skin gone grey, redness that "arrives to" the neck or "does
// not stop to grow", pain more than the day after or increasing, swelling
// "more since" days, a temperature "on 38 all day", a fast heart with
// swelling, lips inflating, seeing less out of a swollen eye; and the calm
// contrasts it must not flag: an animal's infection "not me lol", "had
// worse", fading more each hour, "fever free", a sign read about on the
// internet or had by "one girl" in a group, a bruise "you can barely see",
// a hot sweaty club, a wedding in two weeks, "terribly tight", a housemate
// sure it "would def get infected", and cold sores with none at the moment.
func TestRoundSeventySigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"there's a yellow crust on my chin that keeps coming back", true},
		{"some liquid is coming out of my cheek, kind of yellowish", true},
		{"a yellow film comes off on the towel", true},
		{"the patch by my ear is yellow grey and moist", true},
		{"the edge of the red patch has gone grey", true},
		{"the red arrives to my neck now", true},
		{"the redness does not stop to grow", true},
		{"my forehead hurts more than the day after", true},
		{"the pain is increasing every hour", true},
		{"the swelling under my eyes is more since yesterday", true},
		{"I've been on 38 all day", true},
		{"my heart is going fast and my face is swelling", true},
		{"my top lip is inflating", true},
		{"my eye is puffy and I see less with it", true},
		{"the cat has an eye infection, not me lol, can I shower?", false},
		{"bit sore but I've had worse", false},
		{"pink, and it's fading a bit more each hour", false},
		{"fever free and pus free, all good", false},
		{"I read on internet about the throat closing, can it happen?", false},
		{"in a group chat one girl had green pus after hers, mine is fine", false},
		{"the bruise is a yellow mark you can barely see now", false},
		{"can I go dancing in a hot sweaty club on Saturday?", false},
		{"my face feels terribly tight", false},
		{"my housemate says it would def get infected if I touch it", false},
		{"I get cold sores but I have not got one at the moment", false},
		{"how soon before I see less scarring?", false},
	})
}

// TestRoundSeventyOneSigns holds round seventy-one's signs, written in
// words of their own beside the third m wave's misses: yellow heads that
// burn, bumps turning yellow that hurt, a spot turned into a proper boil,
// a jaw one cannot even touch, swelling "getting more big" or "swelling
// right up", going all bumpy and itchy, worse than at the clinic, a face
// "gone really bad"; and the calm contrasts it must not flag: hives that
// come sometimes, blistering easily in the sun, a year long past, a
// treatment that "could set off" a cold sore, "in the unlikely event", "I'll"
// typed "ill", what someone reckons will happen, signs gone
// completely or gone away by themselves, and an oven door.
func TestRoundSeventyOneSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the dots have yellow heads now and they're burning", true},
		{"the bumps on my chin are turning yellow and they hurt", true},
		{"that spot has turned into a proper boil", true},
		{"I can't even touch my cheek, it's swollen and throbbing", true},
		{"the swelling is getting more big every hour", true},
		{"her face is swelling right up since the needling", true},
		{"my neck went all bumpy and itchy after the serum", true},
		{"my face looks worse than at the clinic and I'm scared", true},
		{"please call me, my face has gone really bad", true},
		{"I get hives sometimes when I'm stressed, none now, how much serum?", false},
		{"I blister easily in the sun, should I stay in?", false},
		{"I had a cold sore in 2021, will it come back?", false},
		{"could the needling set off my eczema or a cold sore?", false},
		{"in the unlikely event my lips swell, who do I ring?", false},
		{"scared ill get spots with pus", false},
		{"my sister reckons I will blister if I go to Spain", false},
		{"the little bumps I had went away by themselves", false},
		{"I can see my puffy eyes in the oven door, is that normal the first night?", false},
	})
}

// TestRoundSeventyTwoSigns holds round seventy-two's signs, written in
// words of their own beside the third n wave's misses and false alarms:
// spots with liquid, a hard edge to the redness, whiteheads back after
// draining, more than yesterday and hot, now hot and swollen, swelling
// getting big, skin cracked open like a cut, a swollen lymph node, redness
// "until" the ear, a yellow-green thing; and the calm contrasts: fears in
// a second language ("scared to get", "afraid to make"), a fever the day
// before the appointment, hives once after a facial, lip balm, spots gone
// hard and scabby, and "I've got none".
func TestRoundSeventyTwoSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my cheek has little spots with liquid in them and it's hot", true},
		{"the red patch has a hard edge now", true},
		{"the whiteheads came back after you drained them", true},
		{"more bumps than yesterday and it is hot", true},
		{"day 6 and now hot and swollen", true},
		{"the swelling is getting big around my eye", true},
		{"my chin looks like a cut and it hurts", true},
		{"the lymph node in my neck is swollen and sore", true},
		{"the redness goes until my ear now", true},
		{"there's a yellow green thing on my nose that comes back", true},
		{"I am scared to get infection, what do I do?", false},
		{"itchy but I don't scratch, afraid to make infection", false},
		{"I had a fever the day before my appointment, fine now", false},
		{"I had hives once after a facial, nothing now, just itchy", false},
		{"my lips are dry, can I use lip balm?", false},
		{"the spots have gone hard and scabby, can I pick them?", false},
		{"you said to tell you about blisters, I have got none", false},
	})
}

// TestBrokeShowerAsksForBath holds that a shower said to be broke, as
// people say it, is what the writer does without: the bath is asked for.
func TestBrokeShowerAsksForBath(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"can I have a bath tonight? the shower's broke", "home.bath"},
		{"our shower broke, is a bath ok instead", "home.bath"},
	})
}

// TestRoundSeventyThreeSigns holds round seventy-three's signs, written in
// words of their own beside the third o wave's misses: spots filled with
// yellow, a scab that keeps going wet, a smell that "is not good", a tender
// lump under a bruise, a bruise with no change after a week, "feel not
// good", "hot an col", looking through a mist, raw red under peeling skin;
// and the calm contrasts: chills from a window left open, feeling unwell
// because one was tired, and what someone said skin "can" do in the sun.
func TestRoundSeventyThreeSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the spots on my chin are filled with yellow", true},
		{"the scab on my cheek keeps going wet", true},
		{"something is coming out and the smell is not good", true},
		{"there's a lump under the bruise and it's sore", true},
		{"the bruise has had no change at all, it's been 8 days", true},
		{"my face is swollen and I feel not good", true},
		{"me hot an col, face puffy", true},
		{"my left eye is like looking through a mist since the needling", true},
		{"it's peeling with raw red under and it stings", true},
		{"I had the shivers but I'd left the window open, fine now", false},
		{"felt a bit unwell last night because I was tired, fine now", false},
		{"the nurse said my skin can burn and blister in the sun, how long for?", false},
	})
}

// TestRoundSeventyFourSigns holds round seventy-four's signs, written in
// words of their own beside the third p wave's misses: swelling that grows
// every day, a sore getting bigger, skin coming off in raw bits, not
// feeling well at all; and the
// calm contrasts: blisters when one was young, "will the sun make it
// blister?", and what one has heard can happen.
func TestRoundSeventyFourSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my jaw has a swelling and it grows every day", true},
		{"there is a sore on my chin and it is getting bigger", true},
		{"my forehead is coming off in raw bits", true},
		{"I'm not feeling well at all today", true},
		{"I had bad blisters from the sun when I was young, anything special for me?", false},
		{"will the sun make it blister? I'm going out", false},
		{"heard you can get infections from hot tubs, true?", false},
	})
}

// TestOthersSignOwnEffect holds that a message telling someone else's red
// flag after their treatment, and the writer's own normal effect in words
// of its own, is answered with the effect; one that asks about the other's
// sign itself, or what to do should it come, keeps the reactions answer.
func TestOthersSignOwnEffect(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"my cousin's face went all blistery after hers, mine's just a bit warm and rosy. ok?", "expect.redness"},
		{"a friend got blisters from sunbathing after hers, how long do I keep out of the sun?", "expect.sun_sensitivity"},
		{"my friend's face went crusty and weepy after hers, mine's just dry. was hers normal?", "home.adverse_reaction"},
	})
}

// TestRoundSeventyFiveSigns holds round seventy-five's signs, written in
// words of their own beside the third q wave's misses: bumps full of water,
// skin starting to break open, little wounds, spots gone green, an area hot
// and leaking, spots with matter in them, matter under a scab, yellow heads
// that hurt, swelling that will not stop, worse since yesterday, marks gone
// into boils, redness raised and hot; and the calm contrasts: shivers the
// haar explains, a blister from walking boots, a wife fretting that eyes
// might swell, "worried ill react", and a Black man's skin.
func TestRoundSeventyFiveSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"little bumps full of water on my chin", true},
		{"the skin by my ear is starting to break open", true},
		{"my cheek has little wounds now, open", true},
		{"two of the spots have gone green", true},
		{"the patch is hot and leaking", true},
		{"my spots have matter in them", true},
		{"there's a collection of matter under the scab", true},
		{"the yellow heads hurt", true},
		{"my face is swelling and it will not stop", true},
		{"the ache in my cheek is worse since yesterday", true},
		{"the dots have gone into boils", true},
		{"the red area is raised and hot", true},
		{"bit shivery last night but that was the haar, fine now", false},
		{"got a blister from my walking boots, can I shower?", false},
		{"my husband is fretting my lips might swell, they're fine", false},
		{"I'm always worried ill react to things, how would I know?", false},
		{"I'm a Black man, my cheeks don't look red, did it work?", false},
	})
}

// TestRoundSeventySixSigns holds round seventy-six's signs, written in
// words of their own beside the third r wave's misses: pustules leaking,
// skin crying water, redness where the skin was not treated, a bruise
// small at the clinic and palm sized now, swelling worse now, swelling with
// pain in the head, getting flu, things looking hazy, skin white and soft
// that breaks, red raw meat under peeling skin.
func TestRoundSeventySixSigns(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the pustules on my chin are leaking", true},
		{"my cheek is crying water", true},
		{"there's redness in places you did not treat, my chest", true},
		{"the bruise was small when I left, now palm sized", true},
		{"the swelling is worse now than this morning", true},
		{"my face is swollen and I have pain in the head", true},
		{"I feel like I am getting flu since the treatment", true},
		{"things look hazy out of my left eye", true},
		{"the skin is white and soft and then it breaks", true},
		{"under the flakes it looks like raw meat", true},
	})
}

// TestOtherTreatmentsDeclined holds that a long message asking only about
// another treatment or appointment (peels, jabs, an age to be treated) is
// declined, whatever effects it tells along the way.
func TestOtherTreatmentsDeclined(t *testing.T) {
	runCases(t, fixture.Matcher(t), []matchCase{
		{"Hi, had my needling on Monday and it's all healed, just a little dry. My surgery has offered me my flu jab and covid booster next week, is it ok to have the jabs so soon after?", ""},
		{"Hello, my skin healed beautifully after my session and I'm now reading about peels for pigmentation. Would it be better to do peels instead of more needling?", ""},
	})
}
